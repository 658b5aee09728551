/**
 * Geometry for every level from one base topology: LSOA 2021 polygons are turned into a quantised
 * topology, and the coarser levels are dissolved from it by merging the arcs of their member LSOAs,
 * so wards, local authorities and ICBs nest exactly inside the LSOA layer.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Polygon as TopoPolygon, MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';
import type { Contiguity } from '../../src/geo/topology-neighbours';
import type { BoundaryFeature } from './read-sources';

/** 10^5 steps across England's extent is about 5 m: finer than the generalised boundaries themselves. */
const QUANTIZATION = 1e5;

export type AreaGeometry = Polygon | MultiPolygon;

/** A level's neighbour lists (indices into `ids`, which follow the level's topology order). */
export type LevelContiguity = Contiguity & { ids: string[] };

export function toTopology(objectName: string, features: { code: string; geometry: AreaGeometry }[]): Topology {
  const sorted = [...features].sort((a, b) => (a.code < b.code ? -1 : 1));
  const fc = {
    type: 'FeatureCollection' as const,
    features: sorted.map((f): Feature => ({ type: 'Feature', id: f.code, properties: null, geometry: f.geometry })),
  };
  return topology({ [objectName]: fc }, QUANTIZATION);
}

export function polygonalFeatures(features: BoundaryFeature[], file: string): { code: string; geometry: AreaGeometry }[] {
  return features.map((f) => {
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') {
      throw new Error(`${file}: area ${f.code} has ${f.geometry?.type ?? 'no'} geometry; expected Polygon or MultiPolygon`);
    }
    return { code: f.code, geometry: f.geometry };
  });
}

/** Dissolves the base areas into groups (e.g. LSOAs into wards), returning one geometry per group. */
export function dissolve(base: Topology, objectName: string, groupOf: (code: string) => string | undefined): { code: string; geometry: MultiPolygon }[] {
  const coll = base.objects[objectName] as GeometryCollection;
  const groups = new Map<string, (TopoPolygon | TopoMultiPolygon)[]>();
  for (const g of coll.geometries) {
    const key = groupOf(String(g.id));
    if (!key) throw new Error(`no parent area for ${g.id} in ${objectName}`);
    const list = groups.get(key) ?? [];
    list.push(g as TopoPolygon | TopoMultiPolygon);
    groups.set(key, list);
  }
  return [...groups].map(([code, geoms]) => ({ code, geometry: merge(base, geoms) }));
}

/** Ids of a topology object's geometries, in file order (the order the map, tables and weights use). */
export function topologyIds(t: Topology, objectName: string): string[] {
  return (t.objects[objectName] as GeometryCollection).geometries.map((g) => String(g.id));
}
