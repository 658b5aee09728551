/**
 * A static k-d tree over 3-D points (unit vectors from great-circle.ts), for k-nearest-neighbour and
 * fixed-radius searches. Brute force is n² distance evaluations (10⁹ for the LSOAs); the tree makes
 * a kNN build take tens of milliseconds, which is what lets the browser build kNN weights on demand.
 *
 * The tree is implicit: `order` is a permutation of the points in which every range [lo, hi) has its
 * splitting point at the middle, left part below it and right part above it on that node's axis.
 */
const LEAF = 8;

export interface PointIndex {
  readonly n: number;
  readonly xyz: Float64Array;
  readonly order: Int32Array;
  /** Split axis of the node whose middle is at position m of `order`. */
  readonly axis: Uint8Array;
  /** Scratch for searches: depth is at most log2(n) + 1 levels of three numbers, twice over. */
  readonly stack: Float64Array;
}

export function buildPointIndex(xyz: Float64Array): PointIndex {
  const n = xyz.length / 3;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const axis = new Uint8Array(n);
  const stack: number[] = [0, n];
  while (stack.length) {
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo <= LEAF) continue;
    const ax = widestAxis(xyz, order, lo, hi);
    const mid = (lo + hi) >> 1;
    select(xyz, order, lo, hi - 1, mid, ax);
    axis[mid] = ax;
    stack.push(lo, mid, mid + 1, hi);
  }
  return { n, xyz, order, axis, stack: new Float64Array(6 * (Math.ceil(Math.log2(n + 1)) + 2)) };
}

function widestAxis(xyz: Float64Array, order: Int32Array, lo: number, hi: number): number {
  let best = 0;
  let bestSpread = -1;
  for (let a = 0; a < 3; a++) {
    let min = Infinity;
    let max = -Infinity;
    for (let m = lo; m < hi; m++) {
      const v = xyz[3 * order[m] + a];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (max - min > bestSpread) {
      bestSpread = max - min;
      best = a;
    }
  }
  return best;
}

/** Hoare quickselect on `order[lo..hi]` by coordinate `ax`, with index as tie-break for determinism. */
function select(xyz: Float64Array, order: Int32Array, lo: number, hi: number, k: number, ax: number): void {
  const less = (a: number, b: number) => xyz[3 * a + ax] < xyz[3 * b + ax] || (xyz[3 * a + ax] === xyz[3 * b + ax] && a < b);
  while (hi > lo) {
    const pivot = order[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (less(order[i], pivot)) i++;
      while (less(pivot, order[j])) j--;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

const dist2 = (xyz: Float64Array, a: number, b: number) => {
  const dx = xyz[3 * a] - xyz[3 * b];
  const dy = xyz[3 * a + 1] - xyz[3 * b + 1];
  const dz = xyz[3 * a + 2] - xyz[3 * b + 2];
  return dx * dx + dy * dy + dz * dz;
};

/**
 * The k points nearest to point `q` (excluding q itself), nearest first, ties broken by lower index so
 * results do not depend on tree layout. Returns squared chord distances alongside. The explicit stack
 * and in-place insertion keep a 33k-point kNN build free of per-node allocation.
 */
export function nearest(index: PointIndex, q: number, k: number): { ids: Int32Array; d2: Float64Array } {
  const ids = new Int32Array(k).fill(-1);
  const d2 = new Float64Array(k).fill(Infinity);
  const { xyz, order, axis } = index;
  const qx = xyz[3 * q];
  const qy = xyz[3 * q + 1];
  const qz = xyz[3 * q + 2];
  const last = k - 1;
  const offer = (p: number) => {
    if (p === q) return;
    const dx = xyz[3 * p] - qx;
    const dy = xyz[3 * p + 1] - qy;
    const dz = xyz[3 * p + 2] - qz;
    const d = dx * dx + dy * dy + dz * dz;
    if (d > d2[last] || (d === d2[last] && p > ids[last])) return;
    let m = last;
    while (m > 0 && (d < d2[m - 1] || (d === d2[m - 1] && p < ids[m - 1]))) {
      d2[m] = d2[m - 1];
      ids[m] = ids[m - 1];
      m--;
    }
    d2[m] = d;
    ids[m] = p;
  };
  // Stack of [lo, hi, gap²]: a far side is pushed with its distance from the split plane and skipped
  // on pop if the k-th best has become closer than that.
  const stack = index.stack;
  stack[0] = 0;
  stack[1] = index.n;
  stack[2] = 0;
  let top = 3;
  while (top > 0) {
    const gap2 = stack[--top];
    const hi = stack[--top];
    const lo = stack[--top];
    if (gap2 > d2[last]) continue;
    if (hi - lo <= LEAF) {
      for (let m = lo; m < hi; m++) offer(order[m]);
      continue;
    }
    const mid = (lo + hi) >> 1;
    const diff = xyz[3 * q + axis[mid]] - xyz[3 * order[mid] + axis[mid]];
    offer(order[mid]);
    // Far side first onto the stack, so the near side is searched first.
    const [nearLo, nearHi, farLo, farHi] = diff < 0 ? [lo, mid, mid + 1, hi] : [mid + 1, hi, lo, mid];
    top = push(stack, top, farLo, farHi, diff * diff);
    top = push(stack, top, nearLo, nearHi, 0);
  }
  return { ids, d2 };
}

function push(stack: Float64Array, top: number, lo: number, hi: number, gap2: number): number {
  stack[top] = lo;
  stack[top + 1] = hi;
  stack[top + 2] = gap2;
  return top + 3;
}

/** All points within squared chord distance `r2` of point q (excluding q), in index order. */
export function within(index: PointIndex, q: number, r2: number): { ids: number[]; d2: number[] } {
  const found: [number, number][] = [];
  const { xyz, order, axis } = index;
  const visit = (lo: number, hi: number): void => {
    if (hi - lo <= LEAF) {
      for (let m = lo; m < hi; m++) {
        const p = order[m];
        const d = dist2(xyz, p, q);
        if (p !== q && d <= r2) found.push([p, d]);
      }
      return;
    }
    const mid = (lo + hi) >> 1;
    const p = order[mid];
    const diff = xyz[3 * q + axis[mid]] - xyz[3 * p + axis[mid]];
    const d = dist2(xyz, p, q);
    if (p !== q && d <= r2) found.push([p, d]);
    if (diff < 0 || diff * diff <= r2) visit(lo, mid);
    if (diff >= 0 || diff * diff <= r2) visit(mid + 1, hi);
  };
  visit(0, index.n);
  found.sort((a, b) => a[0] - b[0]);
  return { ids: found.map((f) => f[0]), d2: found.map((f) => f[1]) };
}
