/**
 * Polygons of the shortlisted areas for the GeoJSON export, straight from the level's TopoJSON (the
 * file the map itself is drawn from, usually still in the browser's cache): topojson-client
 * rebuilds each area's rings with their holes, which the map's flat GPU buffers no longer keep.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AtlasData } from '../../data/load-atlas';
import type { AreaGeometry, GeometryLookup } from '../../export/types';
import type { LevelId } from '../../geo/levels';

export async function loadGeometryLookup(data: AtlasData, level: LevelId, codes: readonly string[]): Promise<GeometryLookup> {
  const entry = data.manifest.levels[level];
  if (!entry) throw new Error(`No map shapes were built for ${level}.`);
  const res = await fetch(data.dataUrl(entry.geometry));
  if (!res.ok) throw new Error(`Could not read the map shapes (${res.status} ${res.statusText}).`);
  const topo = (await res.json()) as Topology;
  const coll = topo.objects[entry.object] as GeometryCollection | undefined;
  if (!coll || coll.type !== 'GeometryCollection') throw new Error(`The map shapes file has no "${entry.object}" layer.`);
  const wanted = new Set(codes);
  const out = new Map<string, AreaGeometry>();
  for (const g of coll.geometries) {
    const code = String(g.id);
    if (!wanted.has(code) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const f = feature(topo, g);
    const geom = 'geometry' in f ? f.geometry : null;
    if (geom && (geom.type === 'Polygon' || geom.type === 'MultiPolygon')) out.set(code, geom);
  }
  return (code) => out.get(code) ?? null;
}
