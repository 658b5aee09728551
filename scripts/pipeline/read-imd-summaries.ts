/**
 * Readers for MHCLG's summaries of the Indices of Deprivation for larger areas, and for the ONS
 * LSOA 2011 → 2021 lookup with its change indicator. Columns are found by their published names so
 * a renamed one fails naming the file.
 *
 * - IoD2025 File 10 (local authorities, 2024 codes) and File 13 (ICBs), as the humaniverse IMD
 *   package stores them: per domain `<domain>_average_rank`, `_rank_of_average_rank`, `_average_score`,
 *   `_rank_of_average_score`, `_proportion_of_lso_as_in_most_deprived_10_percent_nationally` and its
 *   rank; for the IMD `…_extent` and `…_local_concentration` with ranks; income/employment `_scale`.
 * - IoD2019 File 10 (local authorities, 2019 codes), as the package copied it from MHCLG's workbook:
 *   `Score`, `Proportion`, `Extent` (IMD) and `<Domain>_Score`, `<Domain>_Proportion`. No ranks, no
 *   average rank, no local concentration.
 * - The package's own re-aggregation of IoD2019 to 2023 councils (from MHCLG's LSOA scores and
 *   mid-2015 populations): same column names; used only for the average score of councils formed
 *   since 2019, which MHCLG never summarised.
 */
import { IMD_DOMAINS, type ImdDomainKey } from '../../src/data/catalogue/imd-domains';
import type { BridgeLink, ChangeCode } from './imd2019-bridge';
import { column, parseNumber, readCsv, type Row } from './read-raw';

/** One area's summary of one domain; proportions and extent as percentages (published value × 100). */
export interface ImdSummary {
  code: string;
  domain: ImdDomainKey;
  avg_score: number | null;
  avg_score_rank: number | null;
  avg_rank: number | null;
  avg_rank_rank: number | null;
  lsoa10: number | null;
  lsoa10_rank: number | null;
  extent: number | null;
  extent_rank: number | null;
  local_conc: number | null;
  local_conc_rank: number | null;
  scale: number | null;
  scale_rank: number | null;
}

export const SUMMARY_COLUMNS = [
  'avg_score', 'avg_score_rank', 'avg_rank', 'avg_rank_rank', 'lsoa10', 'lsoa10_rank', 'extent', 'extent_rank',
  'local_conc', 'local_conc_rank', 'scale', 'scale_rank',
] as const;

/** A proportion as a percentage, without binary noise (0.4211 → 42.11, not 42.110000000000006). */
const percent = (p: number | null) => (p === null ? null : Number((p * 100).toPrecision(12)));

const PREFIX_2025: Record<ImdDomainKey, string> = {
  imd: 'imd', income: 'income', employment: 'employment', education: 'education_skills_and_training',
  health: 'health_deprivation_and_disability', crime: 'crime', barriers: 'barriers_to_housing_and_services', environment: 'living_environment',
};

function blank(code: string, domain: ImdDomainKey): ImdSummary {
  const out = { code, domain } as ImdSummary;
  for (const c of SUMMARY_COLUMNS) out[c] = null;
  return out;
}

/** IoD2025 File 10 / File 13: `codeColumn` is `ltla24_code` or `icb24_code`. */
export async function readImd2025Summary(path: string, codeColumn: string): Promise<ImdSummary[]> {
  const rows = await readCsv(path);
  const code = column(rows, [codeColumn], path);
  const headers = Object.keys(rows[0] ?? {});
  const find = (re: RegExp) => {
    const h = headers.find((x) => re.test(x));
    if (!h) throw new Error(`${path}: no column matching ${re}`);
    return h;
  };
  const out: ImdSummary[] = [];
  rows.forEach((r, i) => {
    const n = (h: string) => parseNumber(r[h], `${path} row ${i + 2} column ${h}`);
    for (const d of IMD_DOMAINS) {
      const p = PREFIX_2025[d.key];
      const s = blank(r[code], d.key);
      s.avg_rank = n(find(new RegExp(`^${p}_average_rank$`)));
      s.avg_rank_rank = n(find(new RegExp(`^${p}_rank_of_average_rank$`)));
      s.avg_score = n(find(new RegExp(`^${p}_average_score$`)));
      s.avg_score_rank = n(find(new RegExp(`^${p}_rank_of_average_score$`)));
      s.lsoa10 = percent(n(find(new RegExp(`^${p}_proportion_of_lso_as_in_most_deprived_10_percent_nationally$`))));
      s.lsoa10_rank = n(find(new RegExp(`^${p}_rank_of_proportion_of_lso_as_in_most_deprived_10_percent_nationally$`)));
      if (d.key === 'imd') {
        s.extent = percent(n(find(/^imd_?(20)?25_extent$/)));
        s.extent_rank = n(find(/^imd_?(20)?25_rank_of_extent$/));
        s.local_conc = n(find(/^imd_?(20)?25_local_concentration$/));
        s.local_conc_rank = n(find(/^imd_?(20)?25_rank_of_local_concentration$/));
      }
      if (d.key === 'income' || d.key === 'employment') {
        s.scale = n(find(new RegExp(`^${p}_scale$`)));
        s.scale_rank = n(find(new RegExp(`^rank_of_${p}_scale$`)));
      }
      out.push(s);
    }
  });
  return out;
}

const PREFIX_2019: Record<ImdDomainKey, string> = {
  imd: '', income: 'Income_', employment: 'Employment_', education: 'Education_', health: 'Health_',
  crime: 'Crime_', barriers: 'Housing_and_Access_', environment: 'Environment_',
};

/** IoD2019 summaries (File 10 copy, or the package's re-aggregation): `codeColumn` is `ltla19_code` or `ltla23_code`. */
export async function readImd2019Summary(path: string, codeColumn: string): Promise<ImdSummary[]> {
  const rows: Row[] = await readCsv(path);
  const code = column(rows, [codeColumn], path);
  const out: ImdSummary[] = [];
  rows.forEach((r, i) => {
    const n = (h: string) => parseNumber(r[column(rows, [h], path)], `${path} row ${i + 2} column ${h}`);
    for (const d of IMD_DOMAINS) {
      const p = PREFIX_2019[d.key];
      const s = blank(r[code], d.key);
      s.avg_score = n(`${p}Score`);
      s.lsoa10 = percent(n(`${p}Proportion`));
      if (d.key === 'imd') s.extent = percent(n('Extent'));
      out.push(s);
    }
  });
  return out;
}

/** ONS LSOA (2011) → LSOA (2021) lookup, English rows, with the change indicator U / S / M / X. */
export async function readLsoaChanges(path: string): Promise<BridgeLink[]> {
  const rows = await readCsv(path);
  const c = (n: string[]) => column(rows, n, path);
  const [l11, l21, chg] = [c(['lsoa11_code', 'LSOA11CD']), c(['lsoa21_code', 'LSOA21CD']), c(['change_code', 'CHGIND'])];
  return rows.flatMap((r, i): BridgeLink[] => {
    if (!r[l21].startsWith('E01')) return [];
    const change = r[chg] as ChangeCode;
    if (!['U', 'S', 'M', 'X'].includes(change)) throw new Error(`${path} row ${i + 2}: change indicator "${r[chg]}" is not U, S, M or X`);
    return [{ lsoa11: r[l11], lsoa21: r[l21], change }];
  });
}
