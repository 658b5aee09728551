/**
 * Runs SQL for the views and caches results by SQL text, so flipping back to a measure or level
 * costs nothing. Views declare the SQL they need; only this runner talks to the database.
 *
 * Results the pipeline computed ahead with the same SQL (the first map's, see first-views.ts) are
 * served without the database: `seed` hands them over, and a statement sent while they are still
 * on their way waits for them rather than starting the database.
 */
import type { Table } from 'apache-arrow';
import type { Db } from './db/db';

export class QueryRunner {
  private cache = new Map<string, Promise<Table>>();
  private seeded = new Map<string, Table>();
  private seeds: Promise<unknown> = Promise.resolve();

  constructor(private db: Db, private maxEntries = 96) {}

  /** Results computed ahead, keyed by their exact SQL text; statements wait for `pending` first. */
  seed(pending: Promise<{ sql: string; table: Table }[]>): void {
    const p = pending.then(
      (results) => results.forEach((r) => this.seeded.set(r.sql, r.table)),
      () => undefined, // without them every statement simply runs on the database
    );
    this.seeds = Promise.all([this.seeds, p]);
  }

  /** True when `sql` would be answered from the results computed ahead. */
  async isSeeded(sql: string): Promise<boolean> {
    await this.seeds;
    return this.seeded.has(sql);
  }

  run(sql: string): Promise<Table> {
    const hit = this.cache.get(sql);
    if (hit) {
      // Refresh recency.
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      return hit;
    }
    const p = this.seeds.then(() => this.seeded.get(sql) ?? this.db.query(sql));
    this.cache.set(sql, p);
    p.catch(() => this.cache.delete(sql));
    while (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    return p;
  }

  /** Forget cached results (after a table changes, e.g. a user file is loaded); results computed ahead go too. */
  clear(): void {
    this.cache.clear();
    this.seeded.clear();
  }
}
