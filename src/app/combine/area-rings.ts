/**
 * Outlines of a set of areas as one block of closed line strips (typed arrays, no per-vertex
 * objects), so outlining thousands of LSOAs that meet a rule costs a copy, not a rebuild.
 */
import type { BinaryLines, BinaryPolygons } from '../../geo/topology-binary';

export function areaRings(b: BinaryPolygons, selected: (i: number) => boolean): BinaryLines {
  const n = b.areaRings.length - 1;
  let rings = 0;
  let vertices = 0;
  for (let i = 0; i < n; i++) {
    if (!selected(i)) continue;
    for (let r = b.areaRings[i]; r < b.areaRings[i + 1]; r++) {
      rings++;
      vertices += b.ringStarts[r + 1] - b.ringStarts[r] + 1;
    }
  }
  const positions = new Float32Array(vertices * 2);
  const startIndices = new Uint32Array(rings + 1);
  let v = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!selected(i)) continue;
    for (let r = b.areaRings[i]; r < b.areaRings[i + 1]; r++) {
      startIndices[k++] = v;
      const [s, e] = [b.ringStarts[r], b.ringStarts[r + 1]];
      positions.set(b.positions.subarray(2 * s, 2 * e), 2 * v);
      v += e - s;
      // Close the ring: the binary geometry stores rings open.
      positions[2 * v] = b.positions[2 * s];
      positions[2 * v + 1] = b.positions[2 * s + 1];
      v++;
    }
  }
  startIndices[k] = v;
  return { positions, startIndices };
}
