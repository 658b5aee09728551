/**
 * Readers for OHID Fingertips data in the two layouts we hold: the tidy extracts made by Trafford Data
 * Lab from the Fingertips API (area_code, period, value) and raw Fingertips profile exports (full
 * column set with confidence intervals and counts; counts may carry thousands separators).
 */
import { column, parseNumber, readCsv } from './read-raw';

export interface FingertipsRow {
  code: string;
  name: string;
  period: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  count: number | null;
  denominator: number | null;
  /** The publisher's note on a missing value, if any (HTML stripped). */
  valueNote: string;
}

/** Trafford Data Lab extract: `area_code, area_name, period, value` (no CIs or counts). */
export async function readTraffordExtract(path: string): Promise<FingertipsRow[]> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = { code: c('area_code'), name: c('area_name'), period: c('period'), value: c('value') };
  return rows.map((r, i) => ({
    code: r[k.code], name: r[k.name], period: r[k.period], value: parseNumber(r[k.value], `${path} row ${i + 2}`),
    lower: null, upper: null, count: null, denominator: null, valueNote: '',
  }));
}

/** A raw Fingertips export, filtered to one indicator id (95 % confidence limits). */
export async function readFingertipsExport(path: string, indicatorId: string): Promise<FingertipsRow[]> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = {
    id: c('Indicator ID'), code: c('Area Code'), name: c('AreaName'), period: c('Time period'), value: c('Value'),
    lower: c('Lower CI 95.0 limit'), upper: c('Upper CI 95.0 limit'), count: c('Count'), den: c('Denominator'), note: c('Value note'),
  };
  const picked = rows.filter((r) => r[k.id] === indicatorId);
  if (!picked.length) throw new Error(`${path}: no rows for Fingertips indicator ${indicatorId}`);
  return picked.map((r, i) => {
    const at = `${path} indicator ${indicatorId} row ${i + 1}`;
    // Fingertips writes "-" for the limits and count of a suppressed value.
    const n = (col: string) => parseNumber(r[col]?.trim() === '-' ? '' : r[col], `${at} column ${col}`);
    return {
      code: r[k.code], name: r[k.name], period: r[k.period], value: n(k.value),
      lower: n(k.lower), upper: n(k.upper), count: n(k.count), denominator: n(k.den), valueNote: r[k.note].replace(/<[^>]*>/g, '').replace(/^\*\s*/, '').trim(),
    };
  });
}
