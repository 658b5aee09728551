/**
 * A table file as DuckDB takes it: an Arrow IPC stream. Column packs are decoded (column-pack.ts);
 * a table the pipeline had to store as Arrow IPC (a column type packs do not cover) passes through.
 */
import { tableToIPC } from 'apache-arrow';
import { COLUMN_PACK_MAGIC } from './column-pack-format';
import { decodeColumnPack } from './column-pack';

function isColumnPack(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && new TextDecoder().decode(bytes.subarray(0, 8)) === COLUMN_PACK_MAGIC;
}

export function tableFileToIpc(bytes: Uint8Array, what: string): Uint8Array {
  if (!isColumnPack(bytes)) return bytes;
  const tables = decodeColumnPack(bytes, what);
  if (tables.length !== 1) throw new Error(`${what} holds ${tables.length} tables; a table file holds one`);
  return tableToIPC(tables[0].table, 'stream');
}
