/**
 * A point inside an area for labels and "fly to": on the horizontal line through the middle of the
 * area's largest ring, the middle of the widest stretch inside that ring. Unlike a centroid it is
 * always inside, even for crescent-shaped areas.
 */
import type { BinaryPolygons } from './topology-binary';

function ringArea(p: Float32Array, a: number, b: number): number {
  let s = 0;
  for (let v = a, u = b - 1; v < b; u = v++) s += p[2 * u] * p[2 * v + 1] - p[2 * v] * p[2 * u + 1];
  return Math.abs(s) / 2;
}

export function labelPoint(g: BinaryPolygons, i: number): [number, number] {
  const p = g.positions;
  let best = -1;
  let bestArea = -1;
  for (let r = g.areaRings[i]; r < g.areaRings[i + 1]; r++) {
    const area = ringArea(p, g.ringStarts[r], g.ringStarts[r + 1]);
    if (area > bestArea) [best, bestArea] = [r, area];
  }
  if (best < 0) return [NaN, NaN];
  const [a, b] = [g.ringStarts[best], g.ringStarts[best + 1]];
  let [y0, y1] = [Infinity, -Infinity];
  for (let v = a; v < b; v++) [y0, y1] = [Math.min(y0, p[2 * v + 1]), Math.max(y1, p[2 * v + 1])];
  const y = (y0 + y1) / 2;
  const xs: number[] = [];
  for (let v = a, u = b - 1; v < b; u = v++) {
    const [xv, yv, xu, yu] = [p[2 * v], p[2 * v + 1], p[2 * u], p[2 * u + 1]];
    if (yv > y !== yu > y) xs.push(((xu - xv) * (y - yv)) / (yu - yv) + xv);
  }
  xs.sort((m, n) => m - n);
  let [x, width] = [p[2 * a], -1];
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1] - xs[k] > width) [x, width] = [(xs[k] + xs[k + 1]) / 2, xs[k + 1] - xs[k]];
  }
  return [x, y];
}
