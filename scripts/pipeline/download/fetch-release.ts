/**
 * Fetches one official release and turns it into a file the pipeline's readers accept: File 7 CSVs
 * are kept as published (read-sources.ts knows their headers); ArcGIS pages become one GeoJSON or
 * CSV with the ONS field names; the Code History Database and the Census API response are
 * reshaped into the raw-directory layout. Each is checked (row counts, paging totals, zip CRCs)
 * before it is cached.
 */
import { basename } from 'node:path';
import { parseCsv } from '../read-raw';
import type { OfficialRelease } from '../sources';
import { downloadArcgisLayer } from './arcgis-layer';
import { censusAgeBandsCsv } from './census-age-bands';
import { ladCodesByYear } from './lad-code-history';
import { withSourceBase } from './source-base';
import { readZipEntry } from './zip-entry';

export interface FetchedRelease {
  data: Buffer | string;
  origin: string;
  summary: string;
}

export interface ReleaseFetcher {
  get(url: string): Promise<Buffer>;
  sourceBase?: string;
  log: (line: string) => void;
  label: string;
  /** Bytes one zip entry may inflate to (download-limits.ts). */
  maxInflatedBytes: number;
}

export async function fetchRelease(release: OfficialRelease, f: ReleaseFetcher): Promise<FetchedRelease> {
  const url = withSourceBase(release.url, f.sourceBase);
  switch (release.format) {
    case 'csv': {
      const buf = await f.get(url);
      const rows = countCsvRows(buf, url);
      if (rows !== release.rows) throw new Error(`${url}: ${rows} data rows, expected ${release.rows} (truncated, or a different release?)`);
      return { data: buf, origin: url, summary: `${rows} rows` };
    }
    case 'arcgis': {
      const layer = await downloadArcgisLayer(release, url, (u) => f.get(u), f.log, f.label);
      return { data: layer.text, origin: layer.origin, summary: `${layer.records} records` };
    }
    case 'code-history-zip': {
      const zip = await f.get(url);
      const changes = readZipEntry(zip, /(^|\/)Changes(_V\d+)?\.csv$/i, url, f.maxInflatedBytes).data.toString('utf8');
      const history = readZipEntry(zip, /(^|\/)ChangeHistory(_V\d+)?\.csv$/i, url, f.maxInflatedBytes).data.toString('utf8');
      const { csv, rows } = ladCodesByYear(changes, history, url);
      return { data: csv, origin: url, summary: `${rows} districts` };
    }
    case 'census-observations': {
      const { csv, rows } = censusAgeBandsCsv((await f.get(url)).toString('utf8'), url);
      return { data: csv, origin: url, summary: `${rows} LSOAs` };
    }
  }
}

/** The file name in the cache: the published name for files kept as they are, a descriptive one for reshaped data. */
export function releaseFileName(release: OfficialRelease): string {
  switch (release.format) {
    case 'csv': return decodeURIComponent(basename(new URL(release.url).pathname));
    case 'arcgis': return `${new URL(release.url).pathname.split('/').at(-4)}.${release.geometry ? 'geojson' : 'csv'}`;
    case 'code-history-zip': return 'lad_codes_by_year_from_code_history_database.csv';
    case 'census-observations': return 'census2021_usual_residents_by_age6_lsoa21.csv';
  }
}

/** A file cut inside a quoted field fails to parse at all; either way it is reported as incomplete. */
function countCsvRows(buf: Buffer, url: string): number {
  try {
    return parseCsv(buf.toString('utf8').replace(/^\uFEFF/, ''), url).length;
  } catch (e) {
    throw new Error(`${url}: not a complete CSV file (${(e as Error).message.replace(`${url}: `, '')})`);
  }
}
