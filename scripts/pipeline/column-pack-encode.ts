/**
 * Writes column packs (format: src/data/pack/column-pack-format.ts) from Arrow tables as DuckDB
 * returns them. Each column gets whichever of its encodings gzips smallest; the reader restores the
 * exact values and types, which the round-trip tests check cell by cell.
 */
import { gzipSync } from 'node:zlib';
import { COLUMN_PACK_MAGIC, type PackColumn, type PackEncoding, type PackTable, type PackType } from '../../src/data/pack/column-pack-format';
import { writeSectionFile } from '../../src/lib/section-file';
import { VarintWriter } from '../../src/lib/varint';

/** What is read from a table: DuckDB's Arrow results (any apache-arrow copy) fit this shape. */
export interface ArrowLike {
  numRows: number;
  schema: { fields: { name: string; type: { toString(): string } }[] };
  getChild(name: string): { get(i: number): unknown } | null;
}

export class UnsupportedColumnError extends Error {}

const TYPES: Record<string, PackType> = { Utf8: 'utf8', Float64: 'float64', Int64: 'int64', Int32: 'int32', Int16: 'int16', Int8: 'int8', Bool: 'bool' };

type Candidate = { encoding: PackEncoding; bytes: Uint8Array; scale?: number };

const gz = (b: Uint8Array) => gzipSync(b, { level: 6 }).length;

function textCandidates(values: string[]): Candidate[] {
  const enc = new TextEncoder();
  const bytes = values.map((v) => enc.encode(v));
  const plain = new VarintWriter();
  for (const b of bytes) plain.uint(b.length);
  for (const b of bytes) plain.bytes(b);
  const front = new VarintWriter();
  let prev = new Uint8Array(0);
  for (const b of bytes) {
    let k = 0;
    while (k < b.length && k < prev.length && b[k] === prev[k]) k++;
    front.uint(k);
    front.uint(b.length - k);
    front.bytes(b.subarray(k));
    prev = b;
  }
  const dict = new VarintWriter();
  const index = new Map<string, number>();
  for (const v of values) if (!index.has(v)) index.set(v, index.size);
  dict.uint(index.size);
  for (const v of index.keys()) {
    const b = enc.encode(v);
    dict.uint(b.length);
    dict.bytes(b);
  }
  for (const v of values) dict.uint(index.get(v)!);
  return [{ encoding: 'plain', bytes: plain.finish() }, { encoding: 'front', bytes: front.finish() }, { encoding: 'dict', bytes: dict.finish() }];
}

/** Smallest k (0..12) such that every value is exactly n / 10^k for an integer n, or null. */
export function decimalScale(values: number[]): number | null {
  for (let k = 0; k <= 12; k++) {
    const p = 10 ** k;
    if (values.every((v) => {
      const n = Math.round(v * p);
      // -0 would come back as 0 from an integer: such a column keeps its raw bytes.
      return Math.abs(n) <= 2 ** 51 && !Object.is(v, -0) && Object.is(n / p, v);
    })) return k;
  }
  return null;
}

function intCandidates(ints: number[], decimal: number | null): Candidate[] {
  const plain = new VarintWriter();
  const delta = new VarintWriter();
  let prev = 0;
  for (const v of ints) {
    plain.int(v);
    delta.int(v - prev);
    prev = v;
  }
  return decimal === null
    ? [{ encoding: 'plain', bytes: plain.finish() }, { encoding: 'delta', bytes: delta.finish() }]
    : [{ encoding: 'decimal', bytes: plain.finish(), scale: decimal }, { encoding: 'delta-decimal', bytes: delta.finish(), scale: decimal }];
}

function numberCandidates(type: PackType, values: unknown[]): Candidate[] {
  if (type === 'float64') {
    const nums = values as number[];
    const k = decimalScale(nums);
    if (k !== null) return intCandidates(nums.map((v) => Math.round(v * 10 ** k)), k);
    return [{ encoding: 'raw', bytes: new Uint8Array(Float64Array.from(nums).buffer) }];
  }
  const nums = values.map((v) => Number(v));
  if (type === 'int64' && nums.some((n, i) => Math.abs(n) > 2 ** 51 || BigInt(n) !== BigInt(values[i] as bigint | number))) {
    return [{ encoding: 'raw', bytes: new Uint8Array(BigInt64Array.from(values as bigint[], (v) => BigInt(v)).buffer) }];
  }
  return intCandidates(nums, null);
}

function encodeColumn(name: string, type: PackType, cells: unknown[], prefix: string, sections: Record<string, Uint8Array>): PackColumn {
  const rows = cells.length;
  const valid = cells.map((v) => v !== null && v !== undefined);
  const values = cells.filter((_, i) => valid[i]);
  const nullCount = rows - values.length;
  if (values.length === 0) return { name, type, encoding: 'null', nullCount };
  const col: PackColumn = { name, type, encoding: 'plain', nullCount };
  if (nullCount > 0) {
    const bits = new Uint8Array(Math.ceil(rows / 8));
    valid.forEach((ok, i) => {
      if (ok) bits[i >> 3] |= 1 << (i & 7);
    });
    sections[(col.nulls = `${prefix}.nulls`)] = bits;
  }
  const candidates: Candidate[] = type === 'utf8' ? textCandidates(values.map(String))
    : type === 'bool' ? [{ encoding: 'bytes', bytes: Uint8Array.from(values, (v) => (v ? 1 : 0)) }]
    : numberCandidates(type, values);
  let best = candidates[0];
  if (candidates.length > 1) {
    const sizes = candidates.map((c) => gz(c.bytes));
    best = candidates[sizes.indexOf(Math.min(...sizes))];
  }
  col.encoding = best.encoding;
  if (best.scale !== undefined) col.scale = best.scale;
  sections[(col.values = `${prefix}.values`)] = best.bytes;
  return col;
}

/** One pack holding several tables (e.g. the first map's query results, keyed by their SQL). */
export function encodeColumnPack(tables: { key: string; table: ArrowLike }[]): Uint8Array {
  const sections: Record<string, Uint8Array> = {};
  const headers: PackTable[] = tables.map(({ key, table }, ti) => ({
    key,
    rows: table.numRows,
    columns: table.schema.fields.map((f, ci) => {
      const type = TYPES[String(f.type)];
      if (!type) throw new UnsupportedColumnError(`column ${f.name} of ${key.slice(0, 60)} has type ${String(f.type)}, which column packs do not store`);
      const child = table.getChild(f.name)!;
      const cells = Array.from({ length: table.numRows }, (_, i) => child.get(i));
      return encodeColumn(f.name, type, cells, `t${ti}c${ci}`, sections);
    }),
  }));
  return writeSectionFile(COLUMN_PACK_MAGIC, { format: 'column-pack', tables: headers }, sections);
}
