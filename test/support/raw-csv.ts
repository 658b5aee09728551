/** Independent reads of the raw files for tests (plain papaparse, none of the pipeline's code). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { RAW_DIR } from './node-db';

export function rawRows(relPath: string): Record<string, string>[] {
  let buf = readFileSync(join(RAW_DIR, relPath));
  if (relPath.endsWith('.gz')) buf = gunzipSync(buf);
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

export const num = (s: string) => Number(s.replace(/,/g, ''));
