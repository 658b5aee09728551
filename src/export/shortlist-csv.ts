/**
 * CSV exports. The shortlist CSV is the table only (one header row, one row per area) so that R,
 * pandas, DuckDB or Excel's "Get data" read it with no skip-rows options; provenance lives in a
 * companion "method and sources" CSV, and `writeCsvBundle` zips the two so a single download
 * never loses it.
 *
 * Both are RFC 4180 (CRLF, quoted fields) with a UTF-8 BOM (Excel otherwise guesses Windows-1252
 * and garbles "–" or "Ynys Môn"). Every string cell goes through the formula guard; numbers the
 * writer produces from typed numeric fields are written bare so they stay numbers.
 */
import { strToU8, zipSync } from 'fflate';
import { toCsv } from '../lib/csv-write';
import { exportBaseName } from './file-name';
import { isoDatePart } from './format-value';
import { provenanceRows } from './provenance';
import { REACH_HEADER, reachRows } from './reach-profile-text';
import { shortlistTable } from './shortlist-table';
import { writePracticesCsv } from './shortlist-practices';
import type { ShortlistExport } from './types';

const CSV = { bom: true, guardFormulas: true } as const;

export function writeShortlistCsv(input: ShortlistExport): string {
  const { columns, rows } = shortlistTable(input);
  return toCsv(columns.map((c) => c.header), rows, CSV);
}

export function writeMethodCsv(input: ShortlistExport): string {
  return toCsv(['Section', 'Item', 'Value'], provenanceRows(input).map((r) => [r.section, r.item, r.value]), CSV);
}

/** Who the listed areas reach, beside their ICB(s) and England: one row per measure and area (estimates with their ranges). */
function writeReachCsv(input: ShortlistExport): string | null {
  return input.reach ? toCsv(REACH_HEADER, reachRows(input.reach), CSV) : null;
}

/** File names inside the CSV bundle (the zip itself is `exportFileName(title, date, 'csv-zip')`). */
export function csvBundleNames(input: ShortlistExport): { table: string; method: string; reach: string; practices: string } {
  const base = exportBaseName(input.title, input.provenance.generatedAt);
  return { table: `${base}.csv`, method: `${base}-method-and-sources.csv`, reach: `${base}-who-it-reaches.csv`, practices: `${base}-practices-and-pcns.csv` };
}

/**
 * A zip holding the shortlist CSV and its method CSV. The entries' timestamps come from the
 * export's own date (noon UTC, so no time zone moves it to another day), keeping the bytes a pure
 * function of the input.
 */
export function writeCsvBundle(input: ShortlistExport): Uint8Array {
  const names = csvBundleNames(input);
  const reach = writeReachCsv(input);
  const practices = input.practices?.length ? writePracticesCsv(input.practices) : null;
  const day = isoDatePart(input.provenance.generatedAt);
  const mtime = day && day >= '1980-01-02' ? new Date(`${day}T12:00:00Z`) : new Date(Date.UTC(1980, 0, 2, 12));
  return zipSync(
    {
      [names.table]: [strToU8(writeShortlistCsv(input)), { mtime }],
      [names.method]: [strToU8(writeMethodCsv(input)), { mtime }],
      ...(reach ? { [names.reach]: [strToU8(reach), { mtime }] as [Uint8Array, { mtime: Date }] } : {}),
      ...(practices ? { [names.practices]: [strToU8(practices), { mtime }] as [Uint8Array, { mtime: Date }] } : {}),
    },
    { level: 6 },
  );
}
