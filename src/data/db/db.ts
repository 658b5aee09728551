/**
 * The one database boundary. Views never run SQL themselves: SQL builders produce text, the app's
 * query runner sends it here, and results come back as Arrow tables. The browser (DuckDB-wasm in a
 * worker) and node tests (DuckDB-wasm blocking build) implement the same interface.
 */
import type { Table } from 'apache-arrow';

export interface Db {
  query(sql: string): Promise<Table>;
  /** Makes bytes readable by SQL as a file called `name` (e.g. `read_csv('areas.csv')`). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * Creates table `table` from an Arrow IPC stream (a user's imported columns): no text round trip,
   * so numbers keep every bit and a million rows load in well under a second.
   */
  insertArrow(table: string, ipcStream: Uint8Array): Promise<void>;
  /**
   * Runs the statements as one transaction, with no other query in between: all of them take
   * effect, or (on any error, which is rethrown) none. Used to swap staged tables in atomically.
   */
  transaction(statements: readonly string[]): Promise<void>;
}

/** Statements every connection runs first: no extension downloads (they fail offline, with misleading errors). */
export const SESSION_SETUP = ['SET autoload_known_extensions=false', 'SET autoinstall_known_extensions=false'];
