/** Number formatting for people: thousands separators, units, "rank 12 of 296". */
const nf = new Map<number, Intl.NumberFormat>();

export function formatNumber(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return '–';
  let f = nf.get(decimals);
  if (!f) nf.set(decimals, (f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f.format(v);
}

export function formatWithUnit(v: number, decimals: number, unit: string): string {
  if (!Number.isFinite(v)) return 'no data';
  const n = formatNumber(v, decimals);
  if (unit === '%') return `${n} %`;
  if (unit === 'per 100,000') return `${n} per 100,000`;
  return n;
}

export function formatRank(rank: number, of: number): string {
  return Number.isFinite(rank) && of > 0 ? `${formatNumber(rank, 0)} of ${formatNumber(of, 0)}` : '–';
}

export const formatCount = (n: number) => formatNumber(n, 0);
