/**
 * Reads a column pack (see column-pack-format.ts) into Arrow tables with the same column types
 * DuckDB gave the data, so a table can go straight into DuckDB (as an Arrow IPC stream) and a stored
 * query result is the result DuckDB would return. Runs in a worker for big tables.
 */
import { Bool, Float64, Int16, Int32, Int64, Int8, Table, Utf8, makeData, makeVector, type DataType, type Vector } from 'apache-arrow';
import { readSectionFile } from '../../lib/section-file';
import { VarintReader } from '../../lib/varint';
import { COLUMN_PACK_MAGIC, type PackColumn, type PackHeader, type PackTable } from './column-pack-format';

export interface DecodedPackTable {
  key: string;
  table: Table;
}

/** Row index of each stored (non-null) value; null when no row is null. */
function validRows(bitmap: Uint8Array | null, rows: number, count: number): Int32Array | null {
  if (!bitmap) return null;
  const out = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < rows; i++) if (bitmap[i >> 3] & (1 << (i & 7))) out[j++] = i;
  return out;
}

/** A byte buffer that grows as text is appended (no allocation per value). */
class ByteSink {
  buf: Uint8Array;
  length = 0;
  constructor(size: number) {
    this.buf = new Uint8Array(Math.max(16, size));
  }
  room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  append(src: Uint8Array, from: number, to: number): void {
    this.room(to - from);
    this.buf.set(src.subarray(from, to), this.length);
    this.length += to - from;
  }
}

function utf8Column(c: PackColumn, values: Uint8Array, rows: number, at: Int32Array | null): { offsets: Int32Array; data: Uint8Array } {
  const n = rows - c.nullCount;
  const r = new VarintReader(values);
  const lengths = new Int32Array(rows);
  let data: Uint8Array;
  if (c.encoding === 'plain') {
    for (let j = 0; j < n; j++) lengths[at ? at[j] : j] = r.uint();
    data = values.subarray(r.at);
  } else if (c.encoding === 'front') {
    const out = new ByteSink(values.length * 2);
    let prev = 0;
    for (let j = 0; j < n; j++) {
      const keep = r.uint();
      const tail = r.uint();
      const start = out.length;
      out.room(keep + tail);
      out.buf.copyWithin(start, prev, prev + keep);
      out.length += keep;
      out.append(values, r.at, r.at + tail);
      r.at += tail;
      lengths[at ? at[j] : j] = keep + tail;
      prev = start;
    }
    data = out.buf.subarray(0, out.length);
  } else if (c.encoding === 'dict') {
    const count = r.uint();
    const starts = new Int32Array(count + 1);
    const ends = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const len = r.uint();
      starts[k] = r.at;
      ends[k] = r.at + len;
      r.at += len;
    }
    const out = new ByteSink(values.length * 4);
    for (let j = 0; j < n; j++) {
      const k = r.uint();
      if (k >= count) throw new Error(`column ${c.name}: dictionary index out of range`);
      out.append(values, starts[k], ends[k]);
      lengths[at ? at[j] : j] = ends[k] - starts[k];
    }
    data = out.buf.subarray(0, out.length);
  } else throw new Error(`column ${c.name}: unknown text encoding "${c.encoding}"`);
  if (r.at > values.length) throw new Error(`column ${c.name}: text runs past its section (corrupt file?)`);
  const offsets = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) offsets[i + 1] = offsets[i] + lengths[i];
  if (offsets[rows] !== data.length) throw new Error(`column ${c.name}: text bytes do not add up (corrupt file?)`);
  return { offsets, data };
}

/** The stored numbers, in row order (nulls left at 0). */
function numbers(c: PackColumn, values: Uint8Array, rows: number, at: Int32Array | null): Float64Array | BigInt64Array {
  const n = rows - c.nullCount;
  if (c.encoding === 'raw') {
    const copy = new Uint8Array(values); // aligned for the typed view below
    const src = c.type === 'float64' ? new Float64Array(copy.buffer, 0, n) : new BigInt64Array(copy.buffer, 0, n);
    if (!at) return src;
    const out = c.type === 'float64' ? new Float64Array(rows) : new BigInt64Array(rows);
    for (let j = 0; j < n; j++) out[at[j]] = src[j];
    return out;
  }
  const r = new VarintReader(values);
  const out = new Float64Array(rows);
  const delta = c.encoding === 'delta' || c.encoding === 'delta-decimal';
  const div = c.encoding === 'decimal' || c.encoding === 'delta-decimal' ? 10 ** (c.scale ?? 0) : 1;
  let prev = 0;
  for (let j = 0; j < n; j++) {
    const v = delta ? (prev += r.int()) : r.int();
    // Division (not multiplication by 10^-k) gives the double nearest to the decimal, as parsing does.
    out[at ? at[j] : j] = div === 1 ? v : v / div;
  }
  if (c.type !== 'int64') return out;
  const big = new BigInt64Array(rows);
  for (let i = 0; i < rows; i++) big[i] = BigInt(out[i]);
  return big;
}

const ARROW_TYPES: Record<PackColumn['type'], () => DataType> = {
  utf8: () => new Utf8(), float64: () => new Float64(), int64: () => new Int64(), int32: () => new Int32(),
  int16: () => new Int16(), int8: () => new Int8(), bool: () => new Bool(),
};

function column(t: PackTable, c: PackColumn, section: (name: string) => Uint8Array): Vector {
  const rows = t.rows;
  const type = ARROW_TYPES[c.type]?.();
  if (!type) throw new Error(`column ${c.name}: unknown type "${c.type}"`);
  const base = { type, length: rows, nullCount: c.nullCount } as const;
  if (c.encoding === 'null' || c.nullCount === rows) {
    const bitmap = new Uint8Array(Math.ceil(rows / 8));
    if (c.type === 'utf8') return makeVector(makeData({ ...base, type: new Utf8(), nullBitmap: bitmap, valueOffsets: new Int32Array(rows + 1), data: new Uint8Array(0) }));
    if (c.type === 'bool') return makeVector(makeData({ ...base, type: new Bool(), nullBitmap: bitmap, data: new Uint8Array(Math.ceil(rows / 8)) }));
    return makeVector(makeData({ ...base, type: type as Float64, nullBitmap: bitmap, data: c.type === 'int64' ? new BigInt64Array(rows) : new Float64Array(rows) } as never));
  }
  const nullBitmap = c.nulls ? new Uint8Array(section(c.nulls)) : undefined;
  const at = validRows(nullBitmap ?? null, rows, rows - c.nullCount);
  const values = section(c.values!);
  if (c.type === 'utf8') {
    const { offsets, data } = utf8Column(c, values, rows, at);
    return makeVector(makeData({ ...base, type: new Utf8(), nullBitmap, valueOffsets: offsets, data }));
  }
  if (c.type === 'bool') {
    const bits = new Uint8Array(Math.ceil(rows / 8));
    for (let j = 0; j < rows - c.nullCount; j++) {
      const i = at ? at[j] : j;
      if (values[j]) bits[i >> 3] |= 1 << (i & 7);
    }
    return makeVector(makeData({ ...base, type: new Bool(), nullBitmap, data: bits }));
  }
  const nums = numbers(c, values, rows, at);
  const data = c.type === 'int32' ? Int32Array.from(nums as Float64Array) : c.type === 'int16' ? Int16Array.from(nums as Float64Array) : c.type === 'int8' ? Int8Array.from(nums as Float64Array) : nums;
  return makeVector(makeData({ ...base, type, nullBitmap, data } as never));
}

export function decodeColumnPack(bytes: Uint8Array, what = 'data file'): DecodedPackTable[] {
  const file = readSectionFile<PackHeader>(bytes, COLUMN_PACK_MAGIC, what);
  if (file.header.format !== 'column-pack') throw new Error(`${what} is not a column pack`);
  return file.header.tables.map((t) => {
    const cols: Record<string, Vector> = {};
    for (const c of t.columns) cols[c.name] = column(t, c, file.section);
    return { key: t.key, table: new Table(cols) };
  });
}
