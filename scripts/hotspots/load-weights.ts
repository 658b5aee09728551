/**
 * Weights for the CLI: a GeoDa GAL/GWT file, or neighbours derived from GeoJSON polygons (queen or
 * rook from shared boundary points with the same rule the data pipeline uses, R spdep poly2nb's, or
 * kNN between area centres), with the optional kNN fallback for islands.
 */
import { readFileSync } from 'node:fs';
import { centerOfMass } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readGal } from '../../src/analysis/weights/gal';
import { readGwt } from '../../src/analysis/weights/gwt';
import { attachIslands } from '../../src/analysis/weights/island-fallback';
import { contiguityWeights } from '../../src/analysis/weights/contiguity-weights';
import { knnWeights } from '../../src/analysis/weights/knn-weights';
import type { SpatialWeights } from '../../src/analysis/weights/spatial-weights';
import { vertexContiguity } from '../../src/geo/vertex-contiguity';
import type { HotspotCliOptions } from './cli-options';

export interface LoadedWeights {
  weights: SpatialWeights;
  source: string;
  notes: string[];
}

export function loadWeights(opts: HotspotCliOptions, dataIds: readonly string[]): LoadedWeights {
  if (opts.weights) {
    const text = readText(opts.weights, '--weights');
    const isGwt = /\.gwt$/i.test(opts.weights);
    const weights = isGwt ? readGwt(text, { style: opts.style, source: opts.weights, ids: gwtIds(text, dataIds) }) : readGal(text, { style: opts.style, source: opts.weights });
    if (opts.islands === 'knn' && weights.islands.length) throw new Error(`--islands knn needs area positions: use --boundaries, or add neighbours for the islands to ${opts.weights}`);
    return { weights, source: opts.weights, notes: [] };
  }
  const file = opts.boundaries!;
  const features = readPolygons(file);
  const ids = features.map((f, i) => featureId(f, i, opts, file));
  const centres = features.map((f) => centerOfMass(f).geometry.coordinates);
  const lon = centres.map((c) => c[0]);
  const lat = centres.map((c) => c[1]);
  let weights: SpatialWeights;
  if (opts.neighbours === 'knn') weights = knnWeights(ids, lon, lat, opts.k, { style: opts.style });
  else weights = contiguityWeights(ids, vertexContiguity(features.map((f) => f.geometry))[opts.neighbours], opts.neighbours, opts.style);
  const notes: string[] = [];
  if (opts.islands === 'knn' && weights.islands.length) {
    const fixed = attachIslands(weights, lon, lat, { k: 1 });
    for (const a of fixed.attached) notes.push(`island ${ids[a.island]} linked to its nearest area ${a.neighbours.map((j) => ids[j]).join(', ')}`);
    weights = fixed.weights;
  }
  return { weights, source: file, notes };
}

function readText(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${flag} file ${file}: ${(e as Error).message}`);
  }
}

/** A GWT file cannot name areas without links, so take the ids from the data when the counts match. */
function gwtIds(text: string, dataIds: readonly string[]): readonly string[] | undefined {
  const head = text.split(/\r?\n/, 1)[0].trim().split(/\s+/);
  const n = Number(head.length === 1 ? head[0] : head[1]);
  return n === dataIds.length ? dataIds : undefined;
}

function readPolygons(file: string): Feature<Polygon | MultiPolygon>[] {
  let fc: FeatureCollection;
  try {
    fc = JSON.parse(readText(file, '--boundaries')) as FeatureCollection;
  } catch (e) {
    throw new Error(`${file}: not valid GeoJSON (${(e as Error).message})`);
  }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${file}: expected a GeoJSON FeatureCollection`);
  return fc.features.map((f, i) => {
    const t = f.geometry?.type;
    if (t !== 'Polygon' && t !== 'MultiPolygon') throw new Error(`${file}: feature ${i + 1} is ${t ?? 'missing its geometry'}, not a Polygon or MultiPolygon`);
    return f as Feature<Polygon | MultiPolygon>;
  });
}

function featureId(f: Feature, i: number, opts: HotspotCliOptions, file: string): string {
  const prop = opts.boundaryId ?? opts.id;
  const v = (f.properties?.[prop] ?? (opts.boundaryId ? undefined : f.id)) as string | number | null | undefined;
  if (v === undefined || v === null || String(v).trim() === '') {
    throw new Error(`${file}: feature ${i + 1} has no "${prop}" property${opts.boundaryId ? '' : ' and no id'} (use --boundary-id to name the id property)`);
  }
  return String(v).trim();
}
