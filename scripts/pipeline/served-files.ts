/**
 * The compact files the app downloads (see src/data/manifest.ts for the naming contract):
 *   geo/<level>.<hash>.bin      triangulated shapes (shapes-encode.ts)
 *   tables/<name>.<hash>.cols   each table as a column pack, typed exactly as DuckDB reads the CSV
 *   views/<level>.<hash>.cols   the level's areas and default measure, computed with the app's own
 *                               SQL on DuckDB-wasm (src/data/first-views.ts), so the first map needs
 *                               no database
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DataManifest, ManifestView } from '../../src/data/manifest';
import { firstViewQueries } from '../../src/data/first-views';
import { tableFileToIpc } from '../../src/data/pack/pack-ipc';
import { createTableFromCsv } from '../../src/data/sql/load-tables-sql';
import { sqlIdent } from '../../src/data/sql/sql-text';
import type { LevelId } from '../../src/geo/levels';
import { encodeColumnPack, UnsupportedColumnError, type ArrowLike } from './column-pack-encode';
import type { PipelineContext } from './context';
import { openNodeDb } from '../atlas/node-duckdb';
import { encodeShapes } from './shapes-encode';

/** apache-arrow as DuckDB's node build loads it (CommonJS): its tables only serialise with that copy. */
const arrowCjs = () => createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');

export async function writeServedFiles(ctx: PipelineContext, levels: DataManifest['levels']): Promise<ManifestView[]> {
  for (const [level, topo] of Object.entries(ctx.topologies) as [LevelId, NonNullable<(typeof ctx.topologies)[LevelId]>][]) {
    const entry = levels[level];
    if (!entry) continue;
    entry.shapes = await ctx.out.writePacked(`geo/${level}.bin`, encodeShapes(topo, entry.object), { kind: 'shapes', rows: entry.features, level });
  }

  const db = await openNodeDb();
  for (const [name, t] of Object.entries(ctx.tables)) {
    await db.registerFile(t.path, await readFile(join(ctx.out.outDir, t.path)));
    await db.query(createTableFromCsv(name, t.path));
    const table = await db.query(`SELECT * FROM ${sqlIdent(name)}`);
    let bytes: Uint8Array;
    try {
      bytes = encodeColumnPack([{ key: name, table }]);
    } catch (e) {
      if (!(e instanceof UnsupportedColumnError)) throw e;
      ctx.log(`table ${name}: ${e.message}; stored as Arrow IPC instead`);
      bytes = arrowCjs().tableToIPC(table, 'stream');
    }
    t.pack = await ctx.out.writePacked(`tables/${name}.cols`, bytes, { kind: 'pack', rows: t.rows });
  }

  // The first map's results are computed on tables loaded from the packs, exactly as the app loads
  // them: a table's physical layout decides the order of floating-point sums, so only the same
  // loading path gives the same last bits.
  const app = await openNodeDb();
  for (const [name, t] of Object.entries(ctx.tables)) {
    await app.insertArrow(name, tableFileToIpc(gunzipSync(await readFile(join(ctx.out.outDir, t.pack!))), t.pack!));
  }
  const views: ManifestView[] = [];
  for (const level of Object.keys(levels) as LevelId[]) {
    const queries = firstViewQueries(level);
    const results: { key: string; table: ArrowLike }[] = [];
    for (const q of queries) results.push({ key: q.sql, table: await app.query(q.sql) });
    const path = await ctx.out.writePacked(`views/${level}.cols`, encodeColumnPack(results), { kind: 'view', rows: results[0].table.numRows, level });
    levels[level]!.views = path;
    for (const q of queries) if (q.indicator) views.push({ level, indicator: q.indicator, dims: q.dims, path });
    ctx.log(`first map for ${level}: areas${queries[1]?.indicator ? ` and ${queries[1].indicator}` : ''}`);
  }
  return views;
}
