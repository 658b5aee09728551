/** Number formatting for people: thousands separators, units, "rank 12 of 296". */
const nf = new Map<number, Intl.NumberFormat>();

export function formatNumber(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return '–';
  let f = nf.get(decimals);
  if (!f) nf.set(decimals, (f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f.format(v);
}

/**
 * A value with the part of its unit a reader needs beside the number: percentages ("12.3 %", also for
 * "% of registered patients") and rates ("512.0 per 100,000 per year", a user's "4.2 per 1,000 patients").
 * Scores, ranks, deciles and counts are named by their column or label, so they stay bare.
 */
export function formatWithUnit(v: number, decimals: number, unit: string): string {
  if (!Number.isFinite(v)) return 'no data';
  const n = formatNumber(v, decimals);
  const u = unit.trim();
  if (u.startsWith('%')) return `${n} %`;
  if (/^per\s/.test(u)) return `${n} ${u}`;
  return n;
}

export function formatRank(rank: number, of: number): string {
  return Number.isFinite(rank) && of > 0 ? `${formatNumber(rank, 0)} of ${formatNumber(of, 0)}` : '–';
}

export const formatCount = (n: number) => formatNumber(n, 0);
