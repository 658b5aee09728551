/** Turns Arrow query results into plain columns: numbers as Float64Array (NaN for null), text as string[]. */
import { Type, type Data, type Table } from 'apache-arrow';

export function numberColumn(t: Table, name: string): Float64Array {
  const col = t.getChild(name);
  if (!col) throw new Error(`query result has no column "${name}"`);
  const out = new Float64Array(t.numRows);
  for (let i = 0; i < t.numRows; i++) {
    const v: unknown = col.get(i);
    out[i] = v == null ? NaN : Number(v);
  }
  return out;
}

const utf8 = new TextDecoder();

/**
 * Text cells of one Arrow chunk. ASCII text (area codes and most names) is decoded in one call and
 * cut by offsets: decoding cell by cell costs a second for the 33,755 LSOAs' columns.
 */
function utf8Chunk(d: Data, out: (string | null)[], at: number): boolean {
  if (d.typeId !== Type.Utf8 || !d.valueOffsets || !d.values) return false;
  // A sliced chunk's offsets are already sliced (its `offset` only applies to the null bitmap).
  const offsets = d.valueOffsets as Int32Array;
  const bytes = d.values as Uint8Array;
  const [first, last] = [offsets[0], offsets[d.length]];
  for (let k = first; k < last; k++) if (bytes[k] >= 0x80) return false;
  const text = utf8.decode(bytes.subarray(first, last));
  const nulls = d.nullCount > 0;
  for (let i = 0; i < d.length; i++) {
    out[at + i] = nulls && !d.getValid(i) ? null : text.slice(offsets[i] - first, offsets[i + 1] - first);
  }
  return true;
}

export function stringColumn(t: Table, name: string): (string | null)[] {
  const col = t.getChild(name);
  if (!col) throw new Error(`query result has no column "${name}"`);
  const out = new Array<string | null>(t.numRows);
  let at = 0;
  for (const d of col.data as readonly Data[]) {
    if (!utf8Chunk(d, out, at)) {
      for (let i = 0; i < d.length; i++) {
        const v = col.get(at + i) as string | number | bigint | boolean | null;
        out[at + i] = v == null ? null : String(v);
      }
    }
    at += d.length;
  }
  return out;
}

/** Rows as plain objects with numbers (not BigInt) — for small results such as one area's details. */
export function rowsOf(t: Table): Record<string, string | number | boolean | null>[] {
  return (t.toArray() as { toJSON(): Record<string, unknown> }[]).map((r) => {
    const o: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(r.toJSON())) {
      o[k] = v == null ? null : typeof v === 'bigint' ? Number(v) : (v as string | number | boolean);
    }
    return o;
  });
}
