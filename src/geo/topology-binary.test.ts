import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import { areaOutline, topologyMesh, topologyToBinary } from './topology-binary';

/** Signed-area-free triangle area sum, to check the triangulation covers each polygon exactly once. */
function triangleArea(pos: Float32Array, idx: Uint32Array, from: number, to: number): number {
  let s = 0;
  for (let i = 0; i < idx.length; i += 3) {
    const [a, b, c] = [idx[i], idx[i + 1], idx[i + 2]];
    if (a < from || a >= to) continue;
    s += Math.abs((pos[2 * b] - pos[2 * a]) * (pos[2 * c + 1] - pos[2 * a + 1]) - (pos[2 * c] - pos[2 * a]) * (pos[2 * b + 1] - pos[2 * a + 1])) / 2;
  }
  return s;
}

describe('topologyToBinary', () => {
  // Two unit squares side by side; the right one has a 0.5 × 0.5 hole.
  const fc = {
    type: 'FeatureCollection' as const,
    features: [
      { type: 'Feature' as const, id: 'A', properties: null, geometry: { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
      { type: 'Feature' as const, id: 'B', properties: null, geometry: { type: 'Polygon' as const, coordinates: [
        [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]],
        [[1.25, 0.25], [1.25, 0.75], [1.75, 0.75], [1.75, 0.25], [1.25, 0.25]],
      ] } },
    ],
  };

  it('keeps area order and ids, and triangulates holes out', () => {
    for (const q of [0, 1e4]) {
      const b = topologyToBinary(topology({ areas: fc }, q || undefined), 'areas');
      expect(b.ids).toEqual(['A', 'B']);
      expect(b.startIndices.length).toBe(3);
      expect(triangleArea(b.positions, b.indices, b.startIndices[0], b.startIndices[1])).toBeCloseTo(1, 3);
      expect(triangleArea(b.positions, b.indices, b.startIndices[1], b.startIndices[2])).toBeCloseTo(0.75, 3);
    }
  });

  it('splits the mesh into chunks that together hold every arc once', () => {
    const one = topologyMesh(topology({ areas: fc }), 'areas', 1);
    const four = topologyMesh(topology({ areas: fc }), 'areas', 2);
    const count = (c: typeof one) => c.reduce((s, x) => s + x.lines.startIndices.length - 1, 0);
    expect(count(four)).toBe(count(one));
    expect(four.length).toBeGreaterThan(1);
  });

  it('keeps each ring so one area can be outlined', () => {
    const b = topologyToBinary(topology({ areas: fc }), 'areas');
    const rings = areaOutline(b, 1);
    expect(rings).toHaveLength(2);
    expect(rings[0]).toHaveLength(5);
    expect(rings[0][0]).toEqual(rings[0][4]);
    expect(rings[1].map((p) => p[0]).every((x) => x >= 1.25 && x <= 1.75)).toBe(true);
  });

  it('draws the shared border once in the mesh', () => {
    const [{ lines: m }] = topologyMesh(topology({ areas: fc }), 'areas');
    let sharedSegments = 0;
    for (let l = 0; l + 1 < m.startIndices.length; l++) {
      for (let v = m.startIndices[l]; v + 1 < m.startIndices[l + 1]; v++) {
        const [x1, x2] = [m.positions[2 * v], m.positions[2 * v + 2]];
        if (x1 === 1 && x2 === 1) sharedSegments++;
      }
    }
    expect(sharedSegments).toBe(1);
  });
});
