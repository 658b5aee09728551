/** Turns Arrow query results into plain columns: numbers as Float64Array (NaN for null), text as string[]. */
import type { Table } from 'apache-arrow';

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

export function stringColumn(t: Table, name: string): (string | null)[] {
  const col = t.getChild(name);
  if (!col) throw new Error(`query result has no column "${name}"`);
  const out = new Array<string | null>(t.numRows);
  for (let i = 0; i < t.numRows; i++) {
    const v = col.get(i) as string | number | bigint | boolean | null;
    out[i] = v == null ? null : String(v);
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
