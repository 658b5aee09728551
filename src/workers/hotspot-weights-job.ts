/**
 * What the weights worker does with one job, kept apart from the worker entry so it runs (and is
 * tested) in node: read or derive the links, keep the areas that have a value, attach islands when
 * asked, apply the style, and describe the result in words.
 */
import { readGal } from '../analysis/weights/gal';
import { chordToKm, kmToChord, unitVectors } from '../analysis/weights/great-circle';
import { readGwt } from '../analysis/weights/gwt';
import { attachIslands } from '../analysis/weights/island-fallback';
import { distanceBandWeights } from '../analysis/weights/distance-band-weights';
import { knnWeights } from '../analysis/weights/knn-weights';
import { buildPointIndex, nearest, within } from '../analysis/weights/point-index';
import type { SpatialWeights } from '../analysis/weights/spatial-weights';
import { withStyle } from '../analysis/weights/weights-transform';
import type { WeightsInfo, WeightsJob, WeightsSource } from './hotspot-weights-messages';
import { alignWeights, subsetWeights } from './hotspot-weights-rows';

/** Beyond this many links a band is refused: memory for the links and the permutation tables grows with it. */
export const MAX_BAND_LINKS = 3_000_000;

export type LoadText = (url: string) => Promise<string>;

export async function buildJobWeights(job: WeightsJob, loadText: LoadText, cache: Map<string, SpatialWeights>): Promise<{ weights: SpatialWeights; info: WeightsInfo }> {
  const rows = keptRows(job);
  const ids = rows.map((i) => job.ids[i]);
  const lon = Float64Array.from(rows, (i) => job.lon[i]);
  const lat = Float64Array.from(rows, (i) => job.lat[i]);
  const notes: string[] = [];
  const s = job.source;
  let w: SpatialWeights;
  let bandKm: number | null = null;
  if (s.kind === 'contiguity' || s.kind === 'file') {
    const key = s.kind === 'contiguity' ? s.url : null;
    let base = key ? cache.get(key) : undefined;
    if (!base) {
      const name = s.kind === 'file' ? s.name : s.url.split('/').pop()!;
      base = alignWeights(parseWeightsFile(s.kind === 'file' ? s.text : await loadText(s.url), name, job.ids), job.ids, name);
      if (key) cache.set(key, base);
    }
    w = job.keep ? subsetWeights(base, job.keep) : base;
  } else if (s.kind === 'knn') {
    if (s.k >= ids.length) throw new Error(`${s.k} nearest neighbours need more than the ${ids.length} areas with a value`);
    w = knnWeights(ids, lon, lat, s.k, { style: 'B' });
  } else {
    bandKm = s.km ?? connectingBandKm(ids, lon, lat, notes);
    checkBandSize(lon, lat, bandKm);
    w = distanceBandWeights(ids, lon, lat, bandKm, { style: 'B' });
  }
  let attached: WeightsInfo['attached'] = [];
  if (job.islands === 'knn' && w.islands.length) {
    if (w.distances) notes.push('Distance weights: islands cannot be linked by kNN without breaking the distances; widen the band instead.');
    else {
      const fixed = attachIslands(w, lon, lat, { k: 1 });
      attached = fixed.attached.map((a) => ({ island: ids[a.island], neighbours: a.neighbours.map((j) => ids[j]) }));
      w = fixed.weights;
    }
  }
  w = withStyle(w, job.style);
  const links = w.neighbours.length;
  return {
    weights: w,
    info: {
      label: `${sourceLabel(s, bandKm)}, ${job.style === 'W' ? 'row-standardised' : 'binary'}`,
      links, meanNeighbours: links / Math.max(1, w.n), bandKm,
      islands: Array.from(w.islands, (i) => w.ids[i]), attached, dropped: job.ids.length - ids.length, notes,
    },
  };
}

function keptRows(job: WeightsJob): number[] {
  const out: number[] = [];
  for (let i = 0; i < job.ids.length; i++) if (!job.keep || job.keep[i]) out.push(i);
  if (out.length < 3) throw new Error(`only ${out.length} area${out.length === 1 ? ' has' : 's have'} a value: hotspot statistics need more`);
  return out;
}

/** GAL or GWT, by the file's extension or else by its second line ("id count" vs "from to value"). */
function parseWeightsFile(text: string, name: string, ids: readonly string[]): SpatialWeights {
  const second = text.split(/\r?\n/).slice(1).find((l) => l.trim() !== '') ?? '';
  const gwt = /\.gwt$/i.test(name) || (!/\.gal$/i.test(name) && second.trim().split(/\s+/).length === 3);
  if (!gwt) return readGal(text, { style: 'B', source: name });
  const head = (text.split(/\r?\n/, 1)[0] ?? '').trim().split(/\s+/);
  const n = Number(head.length === 1 ? head[0] : head[1]);
  // A GWT file cannot name areas without links; when it counts as many areas as the map, they are the map's.
  return readGwt(text, { style: 'B', source: name, ids: n === ids.length ? ids : undefined });
}

/** The smallest band that leaves no area without a neighbour, and which area sets it. */
function connectingBandKm(ids: string[], lon: Float64Array, lat: Float64Array, notes: string[]): number {
  const index = buildPointIndex(unitVectors(lon, lat));
  let worst = 0;
  let at = 0;
  for (let i = 0; i < ids.length; i++) {
    const d = nearest(index, i, 1).d2[0];
    if (d > worst) [worst, at] = [d, i];
  }
  const km = Math.ceil(chordToKm(Math.sqrt(worst)) * 100) / 100;
  notes.push(`The band, ${km} km, is the smallest that gives every area a neighbour; it is set by ${ids[at]}, the most isolated area.`);
  return km;
}

/** Refuses a band so wide that the links would not fit, estimating their number from a sample of areas. */
function checkBandSize(lon: Float64Array, lat: Float64Array, km: number): void {
  const n = lon.length;
  const index = buildPointIndex(unitVectors(lon, lat));
  const c = kmToChord(km);
  const step = Math.max(1, Math.floor(n / 400));
  let found = 0;
  let sampled = 0;
  for (let i = 0; i < n; i += step, sampled++) found += within(index, i, c * c).ids.length;
  const estimate = (found / sampled) * n;
  if (estimate > MAX_BAND_LINKS) {
    const perArea = Math.round(found / sampled).toLocaleString('en-GB');
    throw new Error(`A ${km} km band would link each area to about ${perArea} others (${(estimate / 1e6).toFixed(0)} million links), too many to test. Choose a smaller band (areas left without neighbours are flagged) or k nearest neighbours.`);
  }
}

function sourceLabel(s: WeightsSource, bandKm: number | null): string {
  switch (s.kind) {
    case 'contiguity':
      return s.rule === 'queen' ? 'Queen contiguity (areas sharing a border or a corner)' : 'Rook contiguity (areas sharing a border)';
    case 'knn':
      return `${s.k} nearest neighbours (distance between area centres)`;
    case 'band':
      return `Areas within ${bandKm} km (distance between area centres)`;
    case 'file':
      return `Weights from ${s.name}`;
  }
}
