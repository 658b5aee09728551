/**
 * Safe download names: slug of the title + export date + extension, e.g.
 * "lung-health-check-shortlist-greater-manchester-2026-11-21.csv". The title is typed by the
 * planner (or restored from a shared link), so nothing of it but [a-z0-9-] reaches the file system:
 * no path separators, no dots, no reserved device names, no characters Windows refuses.
 */
import { isoDatePart } from './format-value';

export type ExportFormat = 'csv' | 'csv-zip' | 'xlsx' | 'geojson' | 'png';

const EXTENSION: Record<ExportFormat, string> = { csv: 'csv', 'csv-zip': 'zip', xlsx: 'xlsx', geojson: 'geojson', png: 'png' };

export const MIME_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  'csv-zip': 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  png: 'image/png',
};

/** Lower-case ASCII words joined by '-', accents folded ("Ynys Môn" → "ynys-mon"); "" if none. */
export function slugify(s: string, maxLength = 60): string {
  const slug = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary when one is reasonably close, so names do not end mid-word.
  const cut = slug.slice(0, maxLength);
  const dash = cut.lastIndexOf('-');
  return (dash > maxLength / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** "<slug of title>-<YYYY-MM-DD>", falling back to "shortlist" when the title has no usable letters. */
export function exportBaseName(title: string, generatedAt: string): string {
  const slug = slugify(title) || 'shortlist';
  const day = isoDatePart(generatedAt);
  return day ? `${slug}-${day}` : slug;
}

export function exportFileName(title: string, generatedAt: string, format: ExportFormat): string {
  return `${exportBaseName(title, generatedAt)}.${EXTENSION[format]}`;
}
