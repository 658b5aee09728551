/** Readers for raw files: gzip-aware text, CSV rows and GeoJSON, with errors that name the file. */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import type { FeatureCollection } from 'geojson';

async function readText(path: string): Promise<string> {
  const buf = await readFile(path);
  const isGzip = buf[0] === 0x1f && buf[1] === 0x8b;
  return (isGzip ? gunzipSync(buf) : buf).toString('utf8').replace(/^\uFEFF/, '');
}

export type Row = Record<string, string>;

export function parseCsv(text: string, file: string): Row[] {
  const res = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  const fatal = res.errors.find((e) => e.type !== 'FieldMismatch' || e.code !== 'TooFewFields');
  if (fatal) throw new Error(`${file}: CSV error on row ${(fatal.row ?? 0) + 2}: ${fatal.message}`);
  return res.data;
}

export async function readCsv(path: string): Promise<Row[]> {
  return parseCsv(await readText(path), path);
}

export async function readGeoJson(path: string): Promise<FeatureCollection> {
  const fc = JSON.parse(await readText(path)) as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${path}: not a GeoJSON FeatureCollection`);
  }
  return fc;
}

/** Picks a column, failing with the file and the columns that do exist when it is missing. */
export function column(rows: Row[], names: string[], file: string): string {
  const have = rows.length ? Object.keys(rows[0]) : [];
  const found = names.find((n) => have.includes(n));
  if (!found) throw new Error(`${file}: none of the columns ${names.join(' / ')} found (columns: ${have.join(', ')})`);
  return found;
}

/** Parses a number written with optional thousands separators ("29,199"); empty/NA → null. */
export function parseNumber(raw: string | undefined, where: string): number | null {
  if (raw == null) return null;
  const s = raw.trim().replace(/,/g, '');
  if (s === '' || s === 'NA' || s === 'NaN' || s === '..' || s === ':') return null;
  const n = Number(s);
  if (!Number.isFinite(n)) throw new Error(`${where}: "${raw}" is not a number`);
  return n;
}
