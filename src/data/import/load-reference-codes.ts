/**
 * Loads the pipeline's reference tables (served with the app under data/tables/) and builds the
 * ReferenceCodes. The tables are read with the same CSV reader as users' files; `fetchBytes` is
 * injected so this runs in the worker (fetch from the app's own origin) and in node tests (fs).
 */
import { bytesSource } from './byte-source';
import { tableRows } from './imported-table';
import { readCsv } from './read-csv';
import { buildReferenceCodes, type ReferenceCodes, type ReferenceTables } from './reference-codes';

export const REFERENCE_TABLE_PATHS: Record<keyof ReferenceTables, string> = {
  areas: 'tables/areas.csv',
  ladCodes: 'tables/ref_lad_codes.csv',
  areaCodes: 'tables/ref_area_codes.csv',
  practices: 'tables/ref_practices.csv',
};

export async function loadReferenceCodes(fetchBytes: (path: string) => Promise<Uint8Array>): Promise<ReferenceCodes> {
  const entries = await Promise.all(
    (Object.entries(REFERENCE_TABLE_PATHS) as [keyof ReferenceTables, string][]).map(async ([k, path]) => {
      const table = await readCsv(bytesSource(await fetchBytes(path), path), { delimiter: ',' });
      // areas.csv has many columns the lists do not need
      return [k, [...tableRows(table, k === 'areas' ? ['level', 'code', 'name'] : undefined)]] as const;
    }),
  );
  return buildReferenceCodes(Object.fromEntries(entries) as unknown as ReferenceTables);
}
