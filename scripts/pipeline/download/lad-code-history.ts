/**
 * Local authority district codes year by year, from the ONS Code History Database: one row per
 * district that existed at the end of 2016, with the code that covered it at the end of each year
 * up to 2024 — the raw-directory layout that `readLadCodeChanges` reads. Changes.csv gives each new
 * code's predecessors; ChangeHistory.csv gives when each code started and ended.
 */
import { toCsv } from '../../../src/lib/csv-write';
import { parseCsv, type Row } from '../read-raw';

/** GSS entity codes of lower-tier local authorities in England, Wales, Scotland and Northern Ireland. */
const LAD_ENTITIES = ['E06', 'E07', 'E08', 'E09', 'W06', 'S12', 'N09'];
const FIRST_YEAR = 2016;
const LAST_YEAR = 2024;

export function ladCodesByYear(changesCsv: string, historyCsv: string, source: string): { csv: string; rows: number } {
  const history = parseCsv(onlyLadLines(historyCsv), `${source} ChangeHistory.csv`);
  const changes = parseCsv(onlyLadLines(changesCsv), `${source} Changes.csv`);
  need(history, ['GEOGCD', 'GEOGNM', 'OPER_DATE', 'TERM_DATE'], `${source} ChangeHistory.csv`);
  need(changes, ['GEOGCD', 'GEOGNM', 'GEOGCD_P', 'GEOGNM_P', 'YEAR'], `${source} Changes.csv`);

  const codes = new Map<string, { name: string; start: Date; end: Date | null }>();
  for (const r of history) {
    if (!isLad(r.GEOGCD)) continue;
    codes.set(r.GEOGCD, { name: r.GEOGNM, start: parseDate(r.OPER_DATE, source)!, end: parseDate(r.TERM_DATE, source) });
  }
  const successors = new Map<string, string[]>();
  // A renamed district keeps its code: Changes.csv lists it with itself as predecessor (Shepway →
  // Folkestone and Hythe, 2018), which gives the name each year's column should carry.
  const renames = new Map<string, { year: number; before: string }[]>();
  for (const r of changes) {
    if (!isLad(r.GEOGCD) || !isLad(r.GEOGCD_P)) continue;
    if (r.GEOGCD === r.GEOGCD_P) {
      if (r.GEOGNM_P && r.GEOGNM_P !== r.GEOGNM) renames.set(r.GEOGCD, [...(renames.get(r.GEOGCD) ?? []), { year: Number(r.YEAR), before: r.GEOGNM_P }]);
      continue;
    }
    const list = successors.get(r.GEOGCD_P) ?? [];
    if (!list.includes(r.GEOGCD)) list.push(r.GEOGCD);
    successors.set(r.GEOGCD_P, list);
  }
  const nameIn = (code: string, year: number) => {
    const later = (renames.get(code) ?? []).filter((r) => r.year > year).sort((a, b) => a.year - b.year);
    return later[0]?.before ?? codes.get(code)?.name ?? '';
  };
  const liveAt = (code: string, year: number) => {
    const c = codes.get(code);
    const endOfYear = new Date(Date.UTC(year, 11, 31));
    return !!c && c.start <= endOfYear && (c.end === null || c.end > endOfYear);
  };
  // A district merged into a new one is followed to it: the English mergers of 2019–2023 give one
  // successor each. A boundary change that recodes two districts at once (Fife and Perth and
  // Kinross, 2018) lists both new codes for both old ones; the one with the same name is the successor.
  const next = (code: string, year: number): string => {
    if (liveAt(code, year)) return code;
    const name = codes.get(code)?.name;
    const all = [...(successors.get(code) ?? [])].sort((a, b) => Number(codes.get(b)?.name === name) - Number(codes.get(a)?.name === name) || (a < b ? -1 : 1));
    const live = all.filter((s) => liveAt(s, year));
    if (live.length) return live[0];
    if (all.length) return next(all[0], year);
    throw new Error(`${source}: district ${code} ended before ${year} and Changes.csv names no successor`);
  };

  const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const header = years.flatMap((y) => [`ltla${y % 100}_code`, `ltla${y % 100}_name`]);
  const rows = [...codes.keys()].filter((c) => liveAt(c, FIRST_YEAR)).sort().map((first) => {
    let code = first;
    return years.flatMap((y) => {
      code = next(code, y);
      return [code, nameIn(code, y)];
    });
  });
  if (!rows.length) throw new Error(`${source}: no local authority districts found in ChangeHistory.csv`);
  return { csv: toCsv(header, rows), rows: rows.length };
}

const isLad = (code: string | undefined) => LAD_ENTITIES.includes((code ?? '').slice(0, 3));

/**
 * The CHD covers every GSS geography (hundreds of thousands of rows): keep the header and the lines
 * that mention a district code anywhere, before the CSV parser turns them into objects.
 */
const LAD_CODE = new RegExp(`(^|[,"])(${LAD_ENTITIES.join('|')})\\d{6}`);
function onlyLadLines(csv: string): string {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  return [lines[0], ...lines.slice(1).filter((l) => LAD_CODE.test(l))].join('\n');
}

function need(rows: Row[], columns: string[], file: string) {
  const have = Object.keys(rows[0] ?? {});
  const missing = columns.filter((c) => !have.includes(c));
  if (missing.length) throw new Error(`${file}: columns ${missing.join(', ')} missing (has ${have.join(', ')})`);
}

/** CHD dates are written dd/mm/yyyy (sometimes with a time); ISO dates are accepted too. */
function parseDate(s: string | undefined, source: string): Date | null {
  const t = (s ?? '').trim();
  if (!t) return null;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(t);
  if (m) return new Date(Date.UTC(+m[3], +m[2] - 1, +m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  throw new Error(`${source}: cannot read the date "${t}"`);
}
