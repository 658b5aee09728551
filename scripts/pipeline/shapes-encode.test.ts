import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { decodeShapes } from '../../src/geo/shapes-file';
import { topologyMesh, topologyToBinary } from '../../src/geo/topology-binary';
import { DATA_DIR, readManifest } from '../../test/support/node-db';
import { encodeShapes } from './shapes-encode';

const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const fc = {
  type: 'FeatureCollection' as const,
  features: [
    { type: 'Feature' as const, id: 'E01000001', properties: null, geometry: { type: 'Polygon' as const, coordinates: [square(0, 0, 1)] } },
    // A hole, and a neighbour sharing the left square's edge (its arc is used reversed).
    { type: 'Feature' as const, id: 'E01000002', properties: null, geometry: { type: 'Polygon' as const, coordinates: [square(1, 0, 1), square(1.25, 0.25, 0.5).reverse()] } },
    // Two parts and a non-ASCII id.
    { type: 'Feature' as const, id: 'Ynys Môn', properties: null, geometry: { type: 'MultiPolygon' as const, coordinates: [[square(3, 3, 1)], [square(5, 0, 2)]] } },
  ],
};

/** The decoded file must give exactly what the TopoJSON path computes in the browser today. */
function expectSameAsTopology(topo: Topology, name: string, grid: number) {
  const decoded = decodeShapes(encodeShapes(topo, name), `${name}.bin`, grid);
  const direct = topologyToBinary(topo, name);
  expect(decoded.level).toBe(name);
  expect(decoded.polygons.ids).toEqual(direct.ids);
  for (const k of ['positions', 'startIndices', 'indices', 'ringStarts', 'areaRings'] as const) {
    expect(decoded.polygons[k].length, k).toBe(direct[k].length);
    expect(Buffer.from(decoded.polygons[k].buffer).equals(Buffer.from(direct[k].buffer)), k).toBe(true);
  }
  const mesh = topologyMesh(topo, name, grid);
  expect(decoded.mesh.length).toBe(mesh.length);
  decoded.mesh.forEach((c, i) => {
    expect(c.bbox).toEqual(mesh[i].bbox);
    expect(Array.from(c.lines.startIndices)).toEqual(Array.from(mesh[i].lines.startIndices));
    expect(Buffer.from(c.lines.positions.buffer).equals(Buffer.from(mesh[i].lines.positions.buffer))).toBe(true);
  });
}

describe('shapes file', () => {
  it('round-trips polygons with holes, several parts, shared and reversed arcs', () => {
    for (const q of [1e4, 1e5]) expectSameAsTopology(topology({ areas: fc }, q), 'areas', 2);
  });

  it('refuses unquantised topologies and files that are not shapes files', () => {
    expect(() => encodeShapes(topology({ areas: fc }), 'areas')).toThrow(/not quantised/);
    const bytes = encodeShapes(topology({ areas: fc }, 1e4), 'areas');
    expect(() => decodeShapes(new TextEncoder().encode('{"type":"Topology"}'), 'geo/x.bin')).toThrow(/geo\/x.bin is not a HASHAPE1 file/);
    expect(() => decodeShapes(bytes.subarray(0, bytes.length - 5), 'geo/x.bin')).toThrow(/truncated/);
  });

  const built = existsSync(join(DATA_DIR, 'manifest.json'));
  it.skipIf(!built)('round-trips the built LSOA 2021 and ward shapes', () => {
    const m = readManifest();
    for (const level of ['lsoa21', 'ward24'] as const) {
      const entry = m.levels[level]!;
      const topo = JSON.parse(readFileSync(join(DATA_DIR, entry.geometry), 'utf8')) as Topology;
      expectSameAsTopology(topo, entry.object, 12);
    }
  });
});
