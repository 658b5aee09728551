import { describe, expect, it } from 'vitest';
import { areaOutline, type BinaryPolygons } from '../../geo/topology-binary';
import { areaRings } from './area-rings';

// Area 0: one triangle; area 1: a square with a triangular hole; area 2: one triangle.
const b: BinaryPolygons = {
  ids: ['a', 'b', 'c'],
  positions: Float32Array.from([0, 0, 1, 0, 0, 1, 2, 2, 4, 2, 4, 4, 2, 4, 3, 3, 3.5, 3, 3, 3.5, 9, 9, 10, 9, 9, 10]),
  startIndices: Uint32Array.from([0, 3, 10, 13]),
  indices: new Uint32Array(0),
  ringStarts: Uint32Array.from([0, 3, 7, 10, 13]),
  areaRings: Uint32Array.from([0, 1, 3, 4]),
};

describe('areaRings', () => {
  it('gives the same closed rings as the per-area outline, for the selected areas only', () => {
    const lines = areaRings(b, (i) => i !== 0);
    const expected = [...areaOutline(b, 1), ...areaOutline(b, 2)];
    const got = Array.from({ length: lines.startIndices.length - 1 }, (_, r) => {
      const out: number[][] = [];
      for (let v = lines.startIndices[r]; v < lines.startIndices[r + 1]; v++) out.push([lines.positions[2 * v], lines.positions[2 * v + 1]]);
      return out;
    });
    expect(got).toEqual(expected);
  });

  it('nothing selected gives empty lines', () => {
    const lines = areaRings(b, () => false);
    expect(lines.positions.length).toBe(0);
    expect([...lines.startIndices]).toEqual([0]);
  });
});
