/**
 * GeoDa GAL files (binary contiguity), so analysts can use identical weights in GeoDa, PySAL
 * (`libpysal.io.open`) and spdep (`read.gal(file, override.id = TRUE)`).
 *
 * Layout: a header line, either `n` (old style) or `0 n <shape> <key>` (new style), then per area a
 * line `<id> <k>` and a line with its k neighbour ids (empty for an island). Ids may not contain
 * whitespace. Self links are never written: GeoDa and spdep add self for Gi* themselves.
 */
import { buildWeights, type SpatialWeights, type WeightsStyle } from './spatial-weights';

export interface ReadWeightsOptions {
  /** Style to apply to the binary links read (default 'W'). */
  style?: WeightsStyle;
  /** File name for error messages. */
  source?: string;
}

export function readGal(text: string, opts: ReadWeightsOptions = {}): SpatialWeights {
  const src = opts.source ?? 'GAL file';
  const lines = text.split(/\r?\n/);
  const tokens = (l: number) => (lines[l] ?? '').trim().split(/\s+/).filter(Boolean);
  const head = tokens(0);
  if (head.length !== 1 && head.length < 3) throw new Error(`${src} line 1: expected "n" or "0 n shape key", got "${lines[0] ?? ''}"`);
  const n = Number(head.length === 1 ? head[0] : head[1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${src} line 1: the number of areas must be a positive whole number, got "${head.length === 1 ? head[0] : head[1]}"`);

  const ids: string[] = [];
  const raw: { ids: string[]; line: number }[] = [];
  let l = 1;
  for (let r = 0; r < n; r++) {
    const rec = tokens(l);
    if (rec.length === 0) throw new Error(`${src} line ${l + 1}: expected area ${r + 1} of ${n} as "id count", found ${l >= lines.length ? 'the end of the file' : 'an empty line'}`);
    if (rec.length !== 2) throw new Error(`${src} line ${l + 1}: expected "id count", got "${lines[l].trim()}"`);
    const k = Number(rec[1]);
    if (!Number.isInteger(k) || k < 0) throw new Error(`${src} line ${l + 1}: neighbour count of area "${rec[0]}" is not a whole number ("${rec[1]}")`);
    const nbLine = l + 1;
    const nb = tokens(nbLine);
    // An island's (empty) neighbour line is sometimes left out; then the next line is the next area.
    const omitted = k === 0 && nb.length === 2 && r < n - 1;
    if (!omitted && nb.length !== k) throw new Error(`${src} line ${nbLine + 1}: area "${rec[0]}" should have ${k} neighbours but ${nb.length} are listed`);
    ids.push(rec[0]);
    raw.push({ ids: omitted ? [] : nb, line: nbLine + 1 });
    l = omitted ? nbLine : nbLine + 1;
  }
  for (let rest = l; rest < lines.length; rest++) {
    if (lines[rest].trim() !== '') throw new Error(`${src} line ${rest + 1}: text after the ${n} areas the header announces`);
  }
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new Error(`${src}: area "${id}" appears twice`);
    index.set(id, i);
  });
  const lists = raw.map((r, i) =>
    r.ids.map((id) => {
      const j = index.get(id);
      if (j === undefined) throw new Error(`${src} line ${r.line}: neighbour "${id}" of area "${ids[i]}" is not an area in the file`);
      return j;
    }),
  );
  return buildWeights(ids, lists, { style: opts.style ?? 'W', kind: 'gal' });
}

export interface WriteWeightsOptions {
  /** Header fields: the shape file (or layer) name and the id field; no whitespace. */
  shape?: string;
  key?: string;
}

export function writeGal(w: SpatialWeights, opts: WriteWeightsOptions = {}): string {
  const out: string[] = [headerLine(w, opts)];
  for (let i = 0; i < w.n; i++) {
    const nb: string[] = [];
    for (let e = w.offsets[i]; e < w.offsets[i + 1]; e++) if (w.neighbours[e] !== i) nb.push(w.ids[w.neighbours[e]]);
    out.push(`${w.ids[i]} ${nb.length}`, nb.join(' '));
  }
  return out.join('\n') + '\n';
}

/** `0 n shape key`, checking that ids survive whitespace-separated files. */
export function headerLine(w: SpatialWeights, opts: WriteWeightsOptions): string {
  for (const id of w.ids) if (id === '' || /\s/.test(id)) throw new Error(`weights file: area id "${id}" is empty or contains whitespace`);
  const field = (v: string | undefined, fallback: string) => (v ?? fallback).replace(/\s+/g, '_') || fallback;
  return `0 ${w.n} ${field(opts.shape, 'unknown')} ${field(opts.key, 'id')}`;
}
