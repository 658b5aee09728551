/**
 * A user's file of places that deliver (pharmacies, community venues, screening and lung-check
 * sites): a table with latitude/longitude columns (or British National Grid eastings/northings),
 * read into plain arrays of WGS84 positions with a name and an optional type per place.
 *
 * Bad coordinates are told apart, because each needs a different fix: latitude and longitude in
 * each other's columns (swapping them puts the place in England), eastings/northings (metres on the
 * British National Grid: converted, and said so), places outside England, blanks and text. Rows
 * that cannot be placed are left out with a warning naming them; a file where no row can be placed
 * is refused with what to do. Names and types are untrusted text: kept as plain strings, cut to 120
 * characters, never markup.
 */
import { ENGLAND_BBOX, toWgs84 } from './geojson-crs';
import { ImportError, listRows, quoteValue, type ImportIssue } from './import-issue';
import { cellText, type ImportedColumn, type ImportedTable } from './imported-table';

export interface PlacePoints {
  file: string;
  /** What the file's numbers count: "row" (CSV, Excel, Parquet) or "feature" (GeoJSON), for every message and label. */
  rowNoun: 'row' | 'feature';
  lon: Float64Array;
  lat: Float64Array;
  names: string[];
  /** '' where the file has no type column or the cell is blank. */
  types: string[];
  /** The row (or feature) number of each place in the file, for messages and the table view. */
  rows: Uint32Array;
  columns: { lat: string; lon: string; name: string | null; type: string | null; grid: boolean };
  notes: string[];
  issues: ImportIssue[];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_\-.()]+/g, '');
const LAT = ['lat', 'latitude', 'y', 'latwgs84', 'wgs84lat', 'ylat', 'latdd', 'decimallatitude'];
const LON = ['lon', 'lng', 'long', 'longitude', 'x', 'lonwgs84', 'wgs84lon', 'xlong', 'londd', 'decimallongitude'];
const EAST = ['easting', 'eastings', 'east', 'oseast1m', 'xcoord', 'bngeasting', 'gridrefeasting'];
const NORTH = ['northing', 'northings', 'north', 'osnrth1m', 'ycoord', 'bngnorthing', 'gridrefnorthing'];
const NAME = ['name', 'sitename', 'placename', 'venue', 'venuename', 'pharmacyname', 'organisationname', 'premisesname', 'site', 'location', 'locationname', 'title'];
const TYPE = ['type', 'sitetype', 'placetype', 'category', 'kind', 'venuetype', 'servicetype', 'service'];

function find(table: ImportedTable, names: string[]): ImportedColumn | undefined {
  for (const n of names) {
    const c = table.columns.find((x) => norm(x.name) === n);
    if (c) return c;
  }
  return undefined;
}

/** The position columns of a table of places, or null when it has none (then it is an area table). */
export function placeColumns(table: ImportedTable): { lat: ImportedColumn; lon: ImportedColumn; grid: boolean } | null {
  const lat = find(table, LAT);
  const lon = find(table, LON);
  if (lat && lon) return { lat, lon, grid: false };
  const e = find(table, EAST);
  const n = find(table, NORTH);
  return e && n ? { lat: n, lon: e, grid: true } : null;
}

const inEngland = (x: number, y: number) => x >= ENGLAND_BBOX[0] && x <= ENGLAND_BBOX[2] && y >= ENGLAND_BBOX[1] && y <= ENGLAND_BBOX[3];
const onGrid = (e: number, n: number) => e >= 0 && e <= 700_000 && n >= 0 && n <= 1_300_000 && (e > 1000 || n > 1000);
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are replaced
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 120);

/** Reads the places of a table that has position columns (see placeColumns). Throws ImportError when none can be placed. */
export function readPlacePoints(table: ImportedTable): PlacePoints {
  const { file, rowNoun } = table;
  const cols = placeColumns(table);
  if (!cols) throw new ImportError('no-rows', `${file}: no latitude and longitude columns (e.g. "latitude", "longitude") or eastings and northings were found, so these are not places. Name the columns and load the file again.`);
  const name = find(table, NAME) ?? null;
  const type = find(table, TYPE) ?? null;
  const n = table.rowCount;
  const [ys, xs] = [cols.lat.numbers, cols.lon.numbers];
  // Metres in lat/lon columns (530000, 180000): the file is on the British National Grid.
  let gridLike = 0;
  let finite = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
    finite++;
    if (onGrid(xs[i], ys[i])) gridLike++;
  }
  const grid = cols.grid || (finite > 0 && gridLike > finite / 2);
  const convert = grid ? toWgs84('EPSG:27700') : null;
  const lon: number[] = [];
  const lat: number[] = [];
  const keep: number[] = [];
  const blank: number[] = [];
  const swapped: number[] = [];
  const outside: number[] = [];
  let example = '';
  for (let i = 0; i < n; i++) {
    let [x, y] = [xs[i], ys[i]];
    const row = table.rowNumbers[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (!example) example = `${rowNoun} ${row}: ${quoteValue(cellText(cols.lat, i))}, ${quoteValue(cellText(cols.lon, i))}`;
      blank.push(row);
      continue;
    }
    if (convert) {
      if (!onGrid(x, y)) {
        outside.push(row);
        continue;
      }
      [x, y] = convert([x, y]);
    }
    if (inEngland(x, y)) {
      lon.push(x);
      lat.push(y);
      keep.push(i);
    } else if (!convert && inEngland(y, x)) swapped.push(row);
    else outside.push(row);
  }
  const [latName, lonName] = [cols.lat.name, cols.lon.name];
  if (!grid && swapped.length > n / 2) {
    const i = table.rowNumbers.indexOf(swapped[0]);
    throw new ImportError('swapped-coordinates', `${file}: the column "${latName}" holds longitudes and "${lonName}" holds latitudes (${rowNoun} ${swapped[0]}: ${latName} ${cellText(cols.lat, i)}, ${lonName} ${cellText(cols.lon, i)}); swapped round they fall in England. Swap the two column names in the file and load it again.`);
  }
  if (!keep.length) {
    const why = n > 0 && blank.length === n ? `every ${rowNoun} has a blank or non-numeric position (${example})`
      : `no ${rowNoun} lies in England (England is longitude ${ENGLAND_BBOX[0]} to ${ENGLAND_BBOX[2]}, latitude ${ENGLAND_BBOX[1]} to ${ENGLAND_BBOX[3]})`;
    throw new ImportError('unknown-crs', `${file}: none of the places can be put on the map: ${why}. Check that "${latName}" and "${lonName}" hold latitude and longitude in decimal degrees (WGS84, e.g. 51.5074 and -0.1278) or British National Grid eastings and northings in metres, and load the file again.`);
  }
  const issues: ImportIssue[] = [];
  const leftOut = (code: ImportIssue['code'], rows: number[], why: string) => {
    if (rows.length) issues.push({ severity: 'warning', code, rows: rows.slice(0, 1000), count: rows.length, message: `${file}: ${listRows(rows, rows.length, rowNoun)} ${why}; ${rows.length === 1 ? 'it was' : 'they were'} left out. Correct ${rows.length === 1 ? 'it' : 'them'} in the file and load it again to include ${rows.length === 1 ? 'it' : 'them'}.` });
  };
  leftOut('non-numeric', blank, `${blank.length === 1 ? 'has' : 'have'} a blank or non-numeric "${latName}" or "${lonName}" (first: ${example})`);
  leftOut('out-of-range', swapped, `${swapped.length === 1 ? 'has' : 'have'} latitude and longitude the wrong way round (swapped, ${swapped.length === 1 ? 'it falls' : 'they fall'} in England)`);
  leftOut('outside-england', outside, `${outside.length === 1 ? 'lies' : 'lie'} outside England${grid ? ' or off the British National Grid' : ''}`);
  const notes = [grid
    ? `Positions read from "${lonName}" and "${latName}" as British National Grid eastings and northings (EPSG:27700, metres) and converted to longitude/latitude (WGS84, OSGB36 Helmert shift, good to a few metres).`
    : `Positions read from "${latName}" (latitude) and "${lonName}" (longitude), WGS84 decimal degrees.`];
  notes.push(name ? `Place names from "${name.name}".` : `No name ${rowNoun === 'feature' ? 'property' : 'column'} was found (e.g. "name"); places are named by their ${rowNoun} number.`);
  if (type) notes.push(`Place types from "${type.name}".`);
  return {
    file, rowNoun, lon: Float64Array.from(lon), lat: Float64Array.from(lat),
    names: keep.map((i) => (name ? clean(cellText(name, i)) : '') || `${rowNoun} ${table.rowNumbers[i]}`),
    types: keep.map((i) => (type ? clean(cellText(type, i)) : '')),
    rows: Uint32Array.from(keep, (i) => table.rowNumbers[i]),
    columns: { lat: latName, lon: lonName, name: name?.name ?? null, type: type?.name ?? null, grid },
    notes, issues,
  };
}
