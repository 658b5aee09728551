/**
 * Finds the column of area codes and what they are: the geography from the codes' shape, the year
 * from which yearly list holds the most of them. Columns are ranked by the share of cells that look
 * like codes, then by how distinct they are (an LSOA column beats its parent-LA column), then by a
 * name hint, then leftmost. The user can override the column in the mapping dialog (`keyColumn`).
 */
import { classifyCode, GEOGRAPHY_NOUN, normaliseCode, type Geography } from './classify-code';
import { GEOGRAPHY_RULES, type JoinTarget } from './geography-rules';
import { cellText, type ImportedTable } from './imported-table';
import type { ReferenceCodes } from './reference-codes';

export interface KeyCandidate {
  column: string;
  /** Share of the sampled non-blank cells that look like area or practice codes. */
  share: number;
  /** The geography most of its codes have (null: only non-English or non-joinable codes). */
  geography: Geography | null;
}

export interface VintageMatch { vintage: number; label: string; matched: number }

export interface KeyDetection {
  column: string;
  chosenBy: 'detected' | 'user';
  /** Null when the column holds no joinable English codes (e.g. only Welsh codes, or MSOAs). */
  geography: Geography | null;
  /** The year whose list holds the most distinct codes (latest on a tie); null if none match. */
  detectedVintage: number | null;
  /** Distinct codes found in each year's list, for the report. */
  vintageMatches: VintageMatch[];
  target: JoinTarget | null;
  /** One or two sentences on what was detected and why. */
  note: string;
}

export interface KeyDetectionResult {
  key: KeyDetection | null;
  candidates: KeyCandidate[];
}

const SAMPLE = 5000;
const HINT = /code|cd$|lsoa|ward|lad|ltla|utla|icb|ccg|practice|ods|area|geog/i;

interface Scored extends KeyCandidate { index: number; distinct: number; hint: boolean }

function scoreColumn(table: ImportedTable, index: number): Scored {
  const col = table.columns[index];
  let nonBlank = 0;
  let codes = 0;
  const geo = new Map<Geography, number>();
  const seen = new Set<string>();
  for (let i = 0; i < table.rowCount && nonBlank < SAMPLE; i++) {
    const s = normaliseCode(cellText(col, i));
    if (!s) continue;
    nonBlank++;
    const c = classifyCode(s);
    if (!c) continue;
    codes++;
    seen.add(s);
    if (c.kind === 'joinable') geo.set(c.geography, (geo.get(c.geography) ?? 0) + 1);
  }
  const top = [...geo].sort((a, b) => b[1] - a[1])[0];
  return {
    column: col.name, index, share: nonBlank ? codes / nonBlank : 0, geography: top ? top[0] : null,
    distinct: codes ? seen.size / codes : 0, hint: HINT.test(col.name),
  };
}

function rankKeyCandidates(table: ImportedTable): KeyCandidate[] {
  const scored = table.columns.map((_, j) => scoreColumn(table, j)).filter((s) => s.share >= 0.5);
  scored.sort((a, b) => Math.round(b.share * 20) - Math.round(a.share * 20) || b.distinct - a.distinct || Number(b.hint) - Number(a.hint) || a.index - b.index);
  return scored.map(({ column, share, geography }) => ({ column, share, geography }));
}

/** Distinct normalised codes of one geography in a column (classified once per distinct text). */
function distinctCodes(table: ImportedTable, column: string, geography: Geography): Set<string> {
  const col = table.columns.find((c) => c.name === column)!;
  const texts = new Set<string>();
  for (let i = 0; i < table.rowCount; i++) texts.add(cellText(col, i));
  const out = new Set<string>();
  for (const t of texts) {
    const s = normaliseCode(t);
    const c = s ? classifyCode(s) : null;
    if (c?.kind === 'joinable' && c.geography === geography) out.add(s);
  }
  return out;
}

export function detectKeyColumn(table: ImportedTable, refs: ReferenceCodes, opts: { keyColumn?: string } = {}): KeyDetectionResult {
  const candidates = rankKeyCandidates(table);
  const column = opts.keyColumn ?? candidates[0]?.column;
  if (column === undefined) return { key: null, candidates };
  const index = table.columns.findIndex((c) => c.name === column);
  if (index < 0) throw new Error(`${table.file}: there is no column "${column}"`);
  const geography = opts.keyColumn ? scoreColumn(table, index).geography : candidates[0].geography;
  const chosenBy = opts.keyColumn ? 'user' : 'detected';
  if (!geography) {
    return { key: { column, chosenBy, geography: null, detectedVintage: null, vintageMatches: [], target: null, note: `Column "${column}" holds codes, but none of a geography the atlas can join.` }, candidates };
  }
  const rule = GEOGRAPHY_RULES[geography];
  const codes = distinctCodes(table, column, geography);
  const vintageMatches: VintageMatch[] = [];
  if (geography === 'practice') {
    vintageMatches.push({ vintage: 0, label: 'GP practices', matched: [...codes].filter((c) => refs.practices.has(c)).length });
  } else {
    for (const [year, set] of [...refs.vintages[geography]].sort((a, b) => a[0] - b[0])) {
      let matched = 0;
      for (const c of codes) if (set.has(c)) matched++;
      vintageMatches.push({ vintage: year, label: rule.vintageLabel(year), matched });
    }
  }
  const best = vintageMatches.reduce<VintageMatch | null>((b, m) => (m.matched > 0 && (!b || m.matched >= b.matched) ? m : b), null);
  const detectedVintage = geography === 'practice' || !best ? null : best.vintage;
  const target = rule.target(detectedVintage);
  return { key: { column, chosenBy, geography, detectedVintage, vintageMatches, target, note: describe(column, geography, codes.size, best, vintageMatches, target) }, candidates };
}

function describe(column: string, geography: Geography, n: number, best: VintageMatch | null, all: VintageMatch[], target: JoinTarget): string {
  const count = (k: number) => k.toLocaleString('en-GB');
  const noun = `${GEOGRAPHY_NOUN[geography]} codes`;
  if (!best) return `Column "${column}" holds ${count(n)} distinct ${noun}, but none is in the atlas's lists.`;
  let s = `Column "${column}" holds ${count(n)} distinct ${noun}; ${count(best.matched)} are in ${best.label}`;
  const ties = all.filter((m) => m.matched === best.matched && m !== best).map((m) => m.vintage);
  if (ties.length) {
    const years = ties.length === 1 ? `${ties[0]} list` : `${ties.slice(0, -1).join(', ')} and ${ties[ties.length - 1]} lists`;
    s += best.matched === n ? ` (and in the ${years} too: these areas kept their codes)` : ` (as many as in the ${years}: the file mixes years; the latest is used)`;
  }
  s += '.';
  if (target.label !== best.label) s += ` They are joined on ${target.label}.`;
  return s;
}
