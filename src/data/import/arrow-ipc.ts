/**
 * Columns → an Arrow IPC stream for `Db.insertArrow`: numbers go in as they are (no text round
 * trip), text as plain UTF-8 (not dictionary-encoded, which DuckDB would keep as an ENUM-like type).
 */
import { Float64, Int32, Table, Utf8, makeVector, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

export type IpcColumn = Float64Array | Int32Array | readonly (string | null)[];

export function columnsToIpc(columns: Record<string, IpcColumn>): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, col] of Object.entries(columns)) {
    if (col instanceof Float64Array) vectors[name] = makeVector({ type: new Float64(), data: col });
    else if (col instanceof Int32Array) vectors[name] = makeVector({ type: new Int32(), data: col });
    else vectors[name] = vectorFromArray(col as (string | null)[], new Utf8());
  }
  return tableToIPC(new Table(vectors), 'stream');
}
