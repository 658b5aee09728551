import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { vertexContiguity } from './vertex-contiguity';

const square = (x: number, y: number, size = 1): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

/** A 3×3 grid of unit squares, row by row from the bottom left: cell r*3+c. */
const grid = Array.from({ length: 9 }, (_, i) => square(i % 3, Math.floor(i / 3)));

describe('vertexContiguity', () => {
  it('queen neighbours share a corner or an edge, rook neighbours an edge', () => {
    const c = vertexContiguity(grid);
    expect(c.queen[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect(c.rook[4]).toEqual([1, 3, 5, 7]);
    expect(c.queen[0]).toEqual([1, 3, 4]);
    expect(c.rook[0]).toEqual([1, 3]);
  });

  it('does not join areas that nearly touch (what a 5 m quantisation grid would do)', () => {
    const c = vertexContiguity([square(0, 0), square(1.000001, 0)]);
    expect(c.queen).toEqual([[], []]);
  });

  it('counts a corner that starts a later part of a multipolygon once: queen, not rook', () => {
    const twoParts: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(5, 5).coordinates, square(1, 1).coordinates] };
    const c = vertexContiguity([square(0, 0), twoParts]);
    expect(c.queen).toEqual([[1], [0]]);
    expect(c.rook).toEqual([[], []]);
  });

  it('groups areas: groups touch where their members do, without dissolving them', () => {
    // Columns of the grid as groups: left (0), middle (1), right (2).
    const groupOf = Int32Array.from(grid, (_, i) => i % 3);
    const c = vertexContiguity(grid, { groupOf, groups: 3 });
    expect(c.queen).toEqual([[1], [0, 2], [1]]);
    expect(c.rook).toEqual([[1], [0, 2], [1]]);
    // Cells 0 and 8 (one group) touch the middle cell 4 (another) only at two separate corners:
    // spdep's rule (two shared points) makes the groups rook neighbours.
    const diagonal = vertexContiguity([grid[0], grid[8], grid[4]], { groupOf: Int32Array.of(0, 0, 1), groups: 2 });
    expect(diagonal.rook).toEqual([[1], [0]]);
  });

  it('refuses a group index outside the range', () => {
    expect(() => vertexContiguity(grid.slice(0, 2), { groupOf: Int32Array.of(0, 2), groups: 2 })).toThrow('area 1 has group 2, outside 0..1');
  });
});
