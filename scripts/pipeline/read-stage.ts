/**
 * The NDRS "Cancer stage at diagnosis" download (Cancer Data Hub, 2013–2022): one row per geography
 * (England, 20 Cancer Alliances, 42 ICBs, by name only), year and site group, with tumour counts by
 * stage. "Staged - other early / advanced" are NDRS's groupings of stage systems other than TNM 1–4
 * (e.g. for some blood and gynaecological cancers); "Unstageable" and "Missing stage" have no stage.
 */
import { STAGE_SITE_NAMES } from '../../src/data/catalogue/stage-dimensions';
import { column, parseNumber, readCsv } from './read-raw';

export const STAGE_COUNTS = ['stage_1', 'stage_2', 'stage_3', 'stage_4', 'other_early', 'other_advanced', 'unstageable', 'missing'] as const;
export type StageCount = (typeof STAGE_COUNTS)[number];

const HEADERS: Record<StageCount, string> = {
  stage_1: 'Stage 1', stage_2: 'Stage 2', stage_3: 'Stage 3', stage_4: 'Stage 4', other_early: 'Staged - other early',
  other_advanced: 'Staged - other advanced', unstageable: 'Unstageable', missing: 'Missing stage',
};

export interface StageRow {
  type: 'Country' | 'Cancer Alliance' | 'Integrated Care Board';
  name: string;
  year: number;
  /** Site key (stage-dimensions.ts). */
  site: string;
  counts: Record<StageCount, number>;
  /** The publisher's "Percentage completeness" (staged of all tumours, %). */
  completeness: number | null;
}

const TYPES = new Set(['Country', 'Cancer Alliance', 'Integrated Care Board']);
const SITE_KEY = new Map(Object.entries(STAGE_SITE_NAMES).map(([k, v]) => [v, k]));

export async function readStage(path: string): Promise<StageRow[]> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = { type: c('Geography Type'), name: c('Geography Name'), year: c('Year'), site: c('Site'), pct: c('Percentage completeness') };
  const cols = Object.fromEntries(Object.entries(HEADERS).map(([key, h]) => [key, c(h)])) as Record<StageCount, string>;
  return rows.map((r, i) => {
    const at = `${path} row ${i + 2}`;
    if (!TYPES.has(r[k.type])) throw new Error(`${at}: unknown Geography Type "${r[k.type]}"`);
    const site = SITE_KEY.get(r[k.site]);
    if (!site) throw new Error(`${at}: unknown site "${r[k.site]}" (expected one of ${[...SITE_KEY.keys()].join(', ')})`);
    const year = Number(r[k.year]);
    if (!Number.isInteger(year)) throw new Error(`${at}: Year "${r[k.year]}" is not a year`);
    const counts = {} as Record<StageCount, number>;
    for (const s of STAGE_COUNTS) {
      const v = parseNumber(r[cols[s]], `${at} column ${HEADERS[s]}`);
      if (v === null || v < 0 || !Number.isInteger(v)) throw new Error(`${at}: ${HEADERS[s]} is not a count ("${r[cols[s]]}")`);
      counts[s] = v;
    }
    return { type: r[k.type] as StageRow['type'], name: r[k.name].trim(), year, site, counts, completeness: parseNumber(r[k.pct], `${at} column Percentage completeness`) };
  });
}

/** NDRS's grouping: early = stage 1, 2 and "other early"; staged = every category with a stage. */
export function stageTotals(c: Record<StageCount, number>) {
  const early = c.stage_1 + c.stage_2 + c.other_early;
  const staged = early + c.stage_3 + c.stage_4 + c.other_advanced;
  const unstaged = c.unstageable + c.missing;
  return { early, staged, unstaged, total: staged + unstaged };
}
