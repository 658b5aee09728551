/**
 * Number and date helpers shared by the writers. Machine formats (CSV, xlsx, GeoJSON) get rounded
 * numbers; the printable brief gets display strings. Both round the same way, so a value never
 * differs between the file and the page.
 */

/**
 * Rounds half away from zero to `decimals` places via the decimal exponent, so 1.005 → 1.01
 * (multiplying by 100 first would give 100.49999… and round down).
 */
export function roundTo(v: number, decimals: number): number {
  const sign = v < 0 ? -1 : 1;
  const a = Math.abs(v);
  let r = Number(`${Math.round(Number(`${a}e${decimals}`))}e-${decimals}`);
  // Numbers already printed in exponent form (1e-7, 1e21) make the string trick produce NaN.
  if (!Number.isFinite(r)) r = Math.round(a * 10 ** decimals) / 10 ** decimals;
  return r === 0 ? 0 : sign * r;
}

/** Rounded number, or null for missing / non-finite input (written as an empty cell). */
export function roundOrNull(v: number | null | undefined, decimals: number): number | null {
  return v == null || !Number.isFinite(v) ? null : roundTo(v, decimals);
}

const formatters = new Map<number, Intl.NumberFormat>();

/** en-GB display with thousands separators and exactly `decimals` places; "" for missing. */
export function formatNumber(v: number | null | undefined, decimals: number): string {
  if (v == null || !Number.isFinite(v)) return '';
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, f);
  }
  // Round first so display and files agree on halves (Intl's own rounding works on the binary value).
  return f.format(roundTo(v, decimals));
}

/** "12.3%" / "512.0 per 100,000" / "0.84": a unit that is a symbol sticks to the number. */
export function withUnit(text: string, unit: string): string {
  if (!text || !unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * The calendar date part of an ISO 8601 string ("2026-11-21"), read from the text rather than
 * through `Date`, so the date written is the one the app passed in whatever the time zone.
 */
export function isoDatePart(iso: string): string | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? m[0] : null;
}

/** "21 November 2026"; the input unchanged if it is not an ISO date. */
export function formatDate(iso: string): string {
  const d = isoDatePart(iso);
  if (!d) return iso;
  const [y, m, day] = d.split('-').map(Number);
  return `${day} ${MONTHS[m - 1]} ${y}`;
}
