/**
 * GeoDa GWT files (weights as a list of links with a value), for distance-based weights.
 *
 * Layout: a header `0 n <shape> <key>` (or old-style `n`), then one line per link: `<from> <to>
 * <value>`. GeoDa writes the distance as the value, and spdep's `read.gwt2nb` keeps it as the
 * distance, so we write the link's great-circle distance (km) when the weights carry distances and
 * the weight otherwise, and read the value back as the distance.
 *
 * A GWT file cannot name an area without links (an island): only the header counts it. Pass `ids` to
 * `readGwt` (e.g. the data's area codes) to place such areas.
 */
import { headerLine, type ReadWeightsOptions, type WriteWeightsOptions } from './gal';
import { buildWeights, type SpatialWeights } from './spatial-weights';

export interface ReadGwtOptions extends ReadWeightsOptions {
  /** All area ids in row order; required when some area has no link. */
  ids?: readonly string[];
}

export function readGwt(text: string, opts: ReadGwtOptions = {}): SpatialWeights {
  const src = opts.source ?? 'GWT file';
  const lines = text.split(/\r?\n/);
  const head = (lines[0] ?? '').trim().split(/\s+/).filter(Boolean);
  if (head.length !== 1 && head.length < 3) throw new Error(`${src} line 1: expected "n" or "0 n shape key", got "${lines[0] ?? ''}"`);
  const n = Number(head.length === 1 ? head[0] : head[1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${src} line 1: the number of areas must be a positive whole number`);

  const links: { from: string; to: string; value: number; line: number }[] = [];
  for (let l = 1; l < lines.length; l++) {
    const t = lines[l].trim().split(/\s+/).filter(Boolean);
    if (t.length === 0) continue;
    if (t.length !== 3) throw new Error(`${src} line ${l + 1}: expected "from to value", got "${lines[l].trim()}"`);
    const value = Number(t[2]);
    if (!Number.isFinite(value)) throw new Error(`${src} line ${l + 1}: value "${t[2]}" is not a number`);
    links.push({ from: t[0], to: t[1], value, line: l + 1 });
  }

  let ids: string[];
  if (opts.ids) {
    if (opts.ids.length !== n) throw new Error(`${src}: header says ${n} areas but ${opts.ids.length} ids were given`);
    ids = [...opts.ids];
  } else {
    const seen = new Set<string>();
    for (const k of links) seen.add(k.from);
    for (const k of links) seen.add(k.to);
    ids = [...seen];
    if (ids.length !== n) {
      throw new Error(`${src}: header says ${n} areas but the links name ${ids.length}; areas without links (islands) cannot be named by a GWT file, so pass the area ids`);
    }
  }
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const lists: number[][] = ids.map(() => []);
  const dists: number[][] = ids.map(() => []);
  const pairs = new Set<string>();
  for (const k of links) {
    const i = index.get(k.from);
    const j = index.get(k.to);
    if (i === undefined || j === undefined) throw new Error(`${src} line ${k.line}: area "${i === undefined ? k.from : k.to}" is not among the ${n} areas`);
    if (i === j) throw new Error(`${src} line ${k.line}: area "${k.from}" links to itself`);
    const key = `${i} ${j}`;
    if (pairs.has(key)) throw new Error(`${src} line ${k.line}: link ${k.from} → ${k.to} appears twice`);
    pairs.add(key);
    lists[i].push(j);
    dists[i].push(k.value);
  }
  return buildWeights(ids, lists, { style: opts.style ?? 'W', kind: 'gwt', distances: dists });
}

export function writeGwt(w: SpatialWeights, opts: WriteWeightsOptions = {}): string {
  const out: string[] = [headerLine(w, opts)];
  const values = w.distances ?? w.weights;
  for (let i = 0; i < w.n; i++) {
    for (let e = w.offsets[i]; e < w.offsets[i + 1]; e++) {
      const j = w.neighbours[e];
      if (j !== i) out.push(`${w.ids[i]} ${w.ids[j]} ${values[e]}`);
    }
  }
  return out.join('\n') + '\n';
}
