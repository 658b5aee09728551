/**
 * A file of places in a project file (`places/<dataset id>.json`): the points, names and types the
 * map draws, saved beside the dataset their per-area measures became (place-dataset.ts), so a
 * reopened project draws and lists them again. Read back as untrusted input, like the file itself:
 * lengths and counts against the limits, positions finite and in England, names and types plain
 * text cut to 120 characters (never markup), row numbers whole and positive.
 */
import { INPUT_LIMITS } from '../../lib/input-limits';
import { ENGLAND_BBOX } from './geojson-crs';
import type { PlacePoints } from './place-points';

/** Everything of PlacePoints but its load-time warnings (they were shown when the file was loaded). */
export function placesToJson(p: PlacePoints): string {
  return JSON.stringify({
    file: p.file, rowNoun: p.rowNoun, lon: [...p.lon], lat: [...p.lat], names: p.names, types: p.types, rows: [...p.rows], columns: p.columns, notes: p.notes,
  });
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const textOrNull = (x: unknown, max: number): x is string | null => x === null || text(x, max);
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are replaced
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 120);

/** The places saved in a project, or a short description of what is wrong with them. */
export function placesFromJson(json: string): PlacePoints | string {
  let x: unknown;
  try {
    x = JSON.parse(json);
  } catch {
    return 'is not valid JSON';
  }
  if (!isObj(x) || !text(x.file, 500) || !(x.rowNoun === 'row' || x.rowNoun === 'feature')) return 'is incomplete';
  const { lon, lat, names, types, rows, columns: c, notes } = x;
  if (!Array.isArray(lon) || !Array.isArray(lat) || !Array.isArray(names) || !Array.isArray(types) || !Array.isArray(rows)) return 'is incomplete';
  const n = lon.length;
  if (n === 0 || n > INPUT_LIMITS.geojsonFeatures) return `holds ${n.toLocaleString('en-GB')} places, which cannot be right`;
  if (lat.length !== n || names.length !== n || types.length !== n || rows.length !== n) return 'has lists of positions, names, types and rows of different lengths';
  const inRange = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
  for (let i = 0; i < n; i++) {
    if (!inRange(lon[i], ENGLAND_BBOX[0], ENGLAND_BBOX[2]) || !inRange(lat[i], ENGLAND_BBOX[1], ENGLAND_BBOX[3])) return `has a position outside England (place ${i + 1})`;
    if (!text(names[i], 120) || !text(types[i], 120)) return `has a name or type that is not short text (place ${i + 1})`;
    if (!(typeof rows[i] === 'number' && Number.isInteger(rows[i]) && rows[i] >= 1 && rows[i] <= INPUT_LIMITS.rows + 1)) return `has a row number that is not a whole number (place ${i + 1})`;
  }
  if (!isObj(c) || !text(c.lat, 500) || !text(c.lon, 500) || !textOrNull(c.name, 500) || !textOrNull(c.type, 500) || typeof c.grid !== 'boolean') return 'is incomplete (its columns)';
  if (!Array.isArray(notes) || notes.length > 10 || !notes.every((s) => text(s, 2000))) return 'is incomplete (its notes)';
  return {
    file: x.file, rowNoun: x.rowNoun, lon: Float64Array.from(lon as number[]), lat: Float64Array.from(lat as number[]),
    names: (names as string[]).map(clean), types: (types as string[]).map(clean), rows: Uint32Array.from(rows as number[]),
    columns: { lat: c.lat, lon: c.lon, name: c.name, type: c.type, grid: c.grid }, notes: notes, issues: [],
  };
}
