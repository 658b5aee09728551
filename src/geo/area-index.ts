/**
 * Which area is under a point, answered on the CPU: a uniform grid over the areas' bounding boxes
 * narrows the candidates, then an even-odd ray test on their rings (holes included) decides. This
 * replaces GPU picking, which redraws every polygon for each mouse move.
 */
import type { BinaryPolygons } from './topology-binary';

export interface AreaIndex {
  cols: number;
  rows: number;
  bbox: [number, number, number, number];
  /** Offsets into `items` per cell; length cols * rows + 1. */
  cellStart: Uint32Array;
  items: Uint32Array;
  /** Per-area bounding boxes (minx, miny, maxx, maxy). */
  boxes: Float32Array;
}

function areaBoxes(g: BinaryPolygons): Float32Array {
  const n = g.ids.length;
  const boxes = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let v = g.startIndices[i]; v < g.startIndices[i + 1]; v++) {
      const x = g.positions[2 * v];
      const y = g.positions[2 * v + 1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    boxes.set([x0, y0, x1, y1], i * 4);
  }
  return boxes;
}

export function buildAreaIndex(g: BinaryPolygons, cols = 256, rows = 256): AreaIndex {
  const boxes = areaBoxes(g);
  const n = g.ids.length;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, boxes[4 * i]);
    y0 = Math.min(y0, boxes[4 * i + 1]);
    x1 = Math.max(x1, boxes[4 * i + 2]);
    y1 = Math.max(y1, boxes[4 * i + 3]);
  }
  const cw = (x1 - x0) / cols || 1;
  const ch = (y1 - y0) / rows || 1;
  const cell = (x: number, y: number): [number, number] => [Math.min(cols - 1, Math.max(0, Math.floor((x - x0) / cw))), Math.min(rows - 1, Math.max(0, Math.floor((y - y0) / ch)))];
  const counts = new Uint32Array(cols * rows + 1);
  const each = (i: number, f: (c: number) => void) => {
    const [a, b] = cell(boxes[4 * i], boxes[4 * i + 1]);
    const [c, d] = cell(boxes[4 * i + 2], boxes[4 * i + 3]);
    for (let y = b; y <= d; y++) for (let x = a; x <= c; x++) f(y * cols + x);
  };
  for (let i = 0; i < n; i++) each(i, (c) => counts[c + 1]++);
  for (let c = 0; c < cols * rows; c++) counts[c + 1] += counts[c];
  const fill = counts.slice(0, cols * rows);
  const items = new Uint32Array(counts[cols * rows]);
  for (let i = 0; i < n; i++) each(i, (c) => (items[fill[c]++] = i));
  return { cols, rows, bbox: [x0, y0, x1, y1], cellStart: counts, items, boxes };
}

function insideArea(g: BinaryPolygons, i: number, x: number, y: number): boolean {
  let inside = false;
  for (let r = g.areaRings[i]; r < g.areaRings[i + 1]; r++) {
    const a = g.ringStarts[r];
    const b = g.ringStarts[r + 1];
    for (let v = a, u = b - 1; v < b; u = v++) {
      const [xv, yv, xu, yu] = [g.positions[2 * v], g.positions[2 * v + 1], g.positions[2 * u], g.positions[2 * u + 1]];
      if (yv > y !== yu > y && x < ((xu - xv) * (y - yv)) / (yu - yv) + xv) inside = !inside;
    }
  }
  return inside;
}

/** Index of the area containing (lon, lat), or −1. */
export function areaAt(index: AreaIndex, g: BinaryPolygons, lon: number, lat: number): number {
  const [x0, y0, x1, y1] = index.bbox;
  if (lon < x0 || lon > x1 || lat < y0 || lat > y1) return -1;
  const cx = Math.min(index.cols - 1, Math.floor(((lon - x0) / (x1 - x0)) * index.cols));
  const cy = Math.min(index.rows - 1, Math.floor(((lat - y0) / (y1 - y0)) * index.rows));
  const c = cy * index.cols + cx;
  for (let k = index.cellStart[c]; k < index.cellStart[c + 1]; k++) {
    const i = index.items[k];
    const b = index.boxes;
    if (lon < b[4 * i] || lon > b[4 * i + 2] || lat < b[4 * i + 1] || lat > b[4 * i + 3]) continue;
    if (insideArea(g, i, lon, lat)) return i;
  }
  return -1;
}
