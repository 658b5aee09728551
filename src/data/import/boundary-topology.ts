/**
 * A user's GeoJSON boundaries as a TopoJSON topology: one object, features sorted by area code (the
 * order the areas table and the map use), each with its name. Arcs shared by neighbouring areas are
 * found by topojson-server, which is what contiguity for hotspots is computed from; coordinates are
 * quantised to about half a metre, so borders digitised with tiny gaps still meet. Spaces in codes
 * become "_" (contiguity is exchanged as GAL text, whose ids cannot hold spaces).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { ImportError, listRows, quoteValue } from './import-issue';
import { cellText, columnByName, type ImportedTable } from './imported-table';

/** About 0.5 m across a county (the boundaries' own extent sets the grid). */
const USER_QUANTIZATION = 1e6;

export interface BoundaryChoice {
  /** Property holding each area's code (null: number the areas in file order). */
  codeColumn: string | null;
  /** Property holding each area's name (null: the code). */
  nameColumn: string | null;
}

export interface BoundaryTopology {
  topology: Topology;
  /** Per feature (file order), the code it was given. */
  rowCodes: string[];
}

/** Code-point order: the byte order DuckDB sorts text in, so the map and the areas table agree. */
function compareCodes(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

function codesOf(t: ImportedTable, column: string | null): string[] {
  if (column === null) {
    const width = String(t.rowCount).length;
    return Array.from({ length: t.rowCount }, (_, i) => `AREA${String(i + 1).padStart(width, '0')}`);
  }
  const col = columnByName(t, column);
  if (!col) throw new Error(`${t.file}: there is no property "${column}"`);
  // codes are written to weights files (GAL), which cannot hold spaces
  const codes = Array.from({ length: t.rowCount }, (_, i) => cellText(col, i).trim().replace(/\s+/g, '_'));
  const blank = codes.flatMap((c, i) => (c ? [] : [t.rowNumbers[i]]));
  if (blank.length) {
    throw new ImportError('bad-geometry', `${t.file}, property "${column}": ${listRows(blank, blank.length, 'feature')} ${blank.length === 1 ? 'has' : 'have'} no code. Every area needs its own code: fill them in, or choose "number the areas" instead.`);
  }
  const first = new Map<string, number>();
  const repeated: string[] = [];
  codes.forEach((c, i) => {
    const at = first.get(c);
    if (at === undefined) first.set(c, t.rowNumbers[i]);
    else if (repeated.length < 3) repeated.push(`${quoteValue(c, 20)} on features ${at} and ${t.rowNumbers[i]}`);
  });
  if (repeated.length) {
    throw new ImportError('bad-geometry', `${t.file}, property "${column}": codes are repeated (${repeated.join('; ')}). Each area must have its own code: choose another property, merge the repeated features in your GIS, or number the areas instead.`);
  }
  return codes;
}

export function buildBoundaryTopology(t: ImportedTable, choice: BoundaryChoice, objectName: string): BoundaryTopology {
  if (!t.geometries) throw new Error(`${t.file}: has no boundaries`);
  const rowCodes = codesOf(t, choice.codeColumn);
  const nameCol = choice.nameColumn === null ? null : columnByName(t, choice.nameColumn);
  if (choice.nameColumn !== null && !nameCol) throw new Error(`${t.file}: there is no property "${choice.nameColumn}"`);
  const features: Feature<Polygon | MultiPolygon, { name: string }>[] = t.geometries.map((geometry, i) => ({
    type: 'Feature', id: rowCodes[i], geometry,
    properties: { name: (nameCol ? cellText(nameCol, i).trim() : '') || rowCodes[i] },
  }));
  features.sort((a, b) => compareCodes(String(a.id), String(b.id)));
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  return { topology: topology({ [objectName]: fc }, USER_QUANTIZATION), rowCodes };
}
