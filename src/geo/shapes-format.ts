/**
 * The shapes file: one level's polygons, already triangulated, in a few compact varint streams that
 * decode in one linear pass into the buffers deck.gl draws (no JSON parsing, no triangulation in the
 * browser). It keeps the topology's shared arcs, so area rings (for hover and selection outlines)
 * and the once-only border mesh come from the same data.
 *
 * Sections (all LEB128 varints; `s` = zigzag signed):
 *   ids        per area: shared-prefix length with the previous id, rest length, rest bytes
 *   arcLengths per arc: number of points
 *   arcPoints  per point: x, y (s) on the quantised grid, each the step from the previous point;
 *              an arc's first point steps from the previous arc's last point (they usually touch)
 *   structure  per area: polygons; per polygon: rings; per ring: arc references
 *   refs       per reference: 2 × s(arc − next new arc) + (1 if reversed)
 *   triangles  per polygon: triangle count, then per vertex index (local to the polygon): s(step
 *              from the previous index)
 * Ring vertices follow TopoJSON: each arc's first point is skipped (it joins the previous arc),
 * so rings are not closed. Coordinates are `q × scale + translate` (longitude, latitude).
 */

export const SHAPES_MAGIC = 'HASHAPE1';

export interface ShapesHeader {
  format: 'shapes';
  level: string;
  scale: [number, number];
  translate: [number, number];
  counts: { areas: number; arcs: number; points: number; polygons: number; rings: number; vertices: number; triangles: number };
}
