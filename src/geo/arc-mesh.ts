/**
 * Borders drawn once: every arc of a level as a line strip (shared borders are not doubled), split
 * into a grid of chunks so the map can skip the chunks outside the view. Built from arcs laid out
 * flat (all points in one array), whether they came from TopoJSON or the binary shapes file.
 */
import type { MeshChunk } from './topology-binary';

/**
 * `coords`: x, y of every arc's points, arc after arc; `arcStart`: first point of each arc (length
 * arcs + 1); `used`: the arcs to draw, ascending.
 */
export function meshFromArcs(coords: Float64Array, arcStart: Uint32Array, used: ArrayLike<number>, grid = 1): MeshChunk[] {
  const n = used.length;
  const boxes = new Float64Array(n * 4);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let k = 0; k < n; k++) {
    const a = used[k];
    let ax0 = Infinity;
    let ay0 = Infinity;
    let ax1 = -Infinity;
    let ay1 = -Infinity;
    for (let p = arcStart[a]; p < arcStart[a + 1]; p++) {
      const x = coords[2 * p];
      const y = coords[2 * p + 1];
      if (x < ax0) ax0 = x;
      if (x > ax1) ax1 = x;
      if (y < ay0) ay0 = y;
      if (y > ay1) ay1 = y;
    }
    boxes[4 * k] = ax0;
    boxes[4 * k + 1] = ay0;
    boxes[4 * k + 2] = ax1;
    boxes[4 * k + 3] = ay1;
    if (ax0 < x0) x0 = ax0;
    if (ay0 < y0) y0 = ay0;
    if (ax1 > x1) x1 = ax1;
    if (ay1 > y1) y1 = ay1;
  }
  // An arc goes to the cell of its bounding box's centre; cells keep the order they are first met.
  const cells = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const cx = Math.min(grid - 1, Math.floor((((boxes[4 * k] + boxes[4 * k + 2]) / 2 - x0) / (x1 - x0 || 1)) * grid));
    const cy = Math.min(grid - 1, Math.floor((((boxes[4 * k + 1] + boxes[4 * k + 3]) / 2 - y0) / (y1 - y0 || 1)) * grid));
    const c = cy * grid + cx;
    const l = cells.get(c);
    if (l) l.push(k);
    else cells.set(c, [k]);
  }
  return [...cells.values()].map((ks) => {
    let total = 0;
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const k of ks) {
      total += 2 * (arcStart[used[k] + 1] - arcStart[used[k]]);
      bbox[0] = Math.min(bbox[0], boxes[4 * k]);
      bbox[1] = Math.min(bbox[1], boxes[4 * k + 1]);
      bbox[2] = Math.max(bbox[2], boxes[4 * k + 2]);
      bbox[3] = Math.max(bbox[3], boxes[4 * k + 3]);
    }
    const positions = new Float32Array(total);
    const startIndices = new Uint32Array(ks.length + 1);
    let at = 0;
    ks.forEach((k, j) => {
      const a = used[k];
      positions.set(coords.subarray(2 * arcStart[a], 2 * arcStart[a + 1]), at);
      at += 2 * (arcStart[a + 1] - arcStart[a]);
      startIndices[j + 1] = at / 2;
    });
    return { bbox, lines: { positions, startIndices } };
  });
}
