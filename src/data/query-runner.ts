/**
 * Runs SQL for the views and caches results by SQL text, so flipping back to a measure or level
 * costs nothing. Views declare the SQL they need; only this runner talks to the database.
 */
import type { Table } from 'apache-arrow';
import type { Db } from './db/db';

export class QueryRunner {
  private cache = new Map<string, Promise<Table>>();
  constructor(private db: Db, private maxEntries = 96) {}

  run(sql: string): Promise<Table> {
    const hit = this.cache.get(sql);
    if (hit) {
      // Refresh recency.
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      return hit;
    }
    const p = this.db.query(sql);
    this.cache.set(sql, p);
    p.catch(() => this.cache.delete(sql));
    while (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    return p;
  }

  /** Forget cached results (after a table changes, e.g. a user file is loaded). */
  clear(): void {
    this.cache.clear();
  }
}
