import { describe, expect, it } from 'vitest';
import type { BinaryPolygons } from '../geo/topology-binary';
import { vertexColours } from './choropleth-layer';

describe('vertexColours', () => {
  it("repeats each area's RGBA for each of its vertices, whatever the byte offset of the input", () => {
    const g = { ids: ['a', 'b', 'c'], startIndices: Uint32Array.from([0, 3, 3, 7]) } as unknown as BinaryPolygons;
    const rgba = Uint8Array.from([1, 2, 3, 255, 9, 9, 9, 9, 200, 100, 50, 0]);
    const expected = [...Array(3).fill([1, 2, 3, 255]), ...Array(4).fill([200, 100, 50, 0])].flat();
    expect(Array.from(vertexColours(g, rgba))).toEqual(expected);
    const shifted = new Uint8Array(13);
    shifted.set(rgba, 1);
    expect(Array.from(vertexColours(g, shifted.subarray(1)))).toEqual(expected);
  });
});
