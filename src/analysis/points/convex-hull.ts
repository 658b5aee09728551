/**
 * Convex hull of points (Andrew's monotone chain), counter-clockwise, no repeated first point. Used to
 * sketch a PCN's practices as an approximate outline: a PCN is a group of practices, not an area.
 * Fewer than three distinct points give what there is (a point or a segment).
 */
export function convexHull(xs: ArrayLike<number>, ys: ArrayLike<number>): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) pts.push([xs[i], ys[i]]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const uniq = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
  if (uniq.length < 3) return uniq;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: [number, number][]) => {
    const out: [number, number][] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(uniq), ...half([...uniq].reverse())];
}
