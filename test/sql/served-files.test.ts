/**
 * The compact files the app downloads hold exactly what the readable outputs and the app's own SQL
 * give: every table pack equals its CSV as DuckDB reads it (same columns, types and rows), and every
 * stored first-map result equals the result of its SQL on DuckDB-wasm now, for SQL texts the app
 * itself builds (so the app really serves them).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CACHE_RULES, IMMUTABLE } from '../../scripts/hosting/site-policy';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstViewQueries } from '../../src/data/first-views';
import type { Db } from '../../src/data/db/db';
import { decodeColumnPack } from '../../src/data/pack/column-pack';
import { createTableFromCsv } from '../../src/data/sql/load-tables-sql';
import { sqlIdent } from '../../src/data/sql/sql-text';
import type { LevelId } from '../../src/geo/levels';
import { DATA_DIR, openBuiltDataDb, readManifest } from '../support/node-db';

let db: Db;
const manifest = readManifest();
const typesOf = async (table: string) => ((await db.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`)).toArray() as { column_name: string; data_type: string }[]).map((r) => `${r.column_name}:${r.data_type}`);
const count = async (sql: string) => Number((await db.query(`SELECT count(*)::INTEGER AS n FROM (${sql})`)).getChild('n')!.get(0));

beforeAll(async () => {
  // Tables loaded from their packs, as the app loads them.
  db = await openBuiltDataDb();
});

describe('table packs', () => {
  for (const [name, t] of Object.entries(manifest.tables)) {
    it(`${name}: the pack is the CSV, row for row, with DuckDB's own types`, async () => {
      expect(t.pack).toMatch(new RegExp(`^tables/${name}\\.[0-9a-f]{8}\\.cols$`));
      const csv = `csv_${name}`;
      await db.registerFile(`${csv}.csv`, readFileSync(join(DATA_DIR, t.path)));
      await db.query(createTableFromCsv(csv, `${csv}.csv`));
      expect(await typesOf(name)).toEqual(await typesOf(csv));
      expect(await count(`SELECT * FROM ${sqlIdent(name)}`)).toBe(t.rows);
      // Rows in both directions, duplicates counted.
      expect(await count(`SELECT * FROM ${sqlIdent(name)} EXCEPT ALL SELECT * FROM ${sqlIdent(csv)}`)).toBe(0);
      expect(await count(`SELECT * FROM ${sqlIdent(csv)} EXCEPT ALL SELECT * FROM ${sqlIdent(name)}`)).toBe(0);
      await db.query(`DROP TABLE ${sqlIdent(csv)}`);
    });
  }
});

describe('first-map results', () => {
  for (const level of Object.keys(manifest.levels) as LevelId[]) {
    it(`${level}: each stored result is what the app's SQL returns`, async () => {
      const file = manifest.levels[level]!.views!;
      const stored = decodeColumnPack(gunzipSync(readFileSync(join(DATA_DIR, file))), file);
      // The app builds these very SQL texts, so the query runner answers them from the file.
      expect(stored.map((s) => s.key)).toEqual(firstViewQueries(level).map((q) => q.sql));
      for (const { key, table } of stored) {
        const live = await db.query(key);
        expect(table.numRows).toBe(live.numRows);
        expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(live.schema.fields.map((f) => `${f.name}:${String(f.type)}`));
        for (const f of live.schema.fields) {
          const [a, b] = [live.getChild(f.name)!, table.getChild(f.name)!];
          for (let i = 0; i < live.numRows; i++) {
            if (!Object.is(a.get(i), b.get(i))) expect({ column: f.name, row: i, stored: b.get(i) }).toEqual({ column: f.name, row: i, stored: a.get(i) });
          }
        }
      }
    });
  }

  it('lists every stored view with the file that holds it', () => {
    for (const v of manifest.views ?? []) {
      expect(manifest.levels[v.level]?.views).toBe(v.path);
      expect(firstViewQueries(v.level).some((q) => q.indicator === v.indicator && JSON.stringify(q.dims) === JSON.stringify(v.dims))).toBe(true);
    }
    expect(manifest.views?.some((v) => v.level === 'lsoa21' && v.indicator === 'imd2025.imd.score')).toBe(true);
  });
});

describe('content-hashed names', () => {
  // Hosts cache these folders for a year (site-policy.ts): a changed file must be a new name.
  const folders = CACHE_RULES.filter((r) => r.cacheControl === IMMUTABLE && r.path.startsWith('data/')).map((r) => r.path.slice('data/'.length));

  it('every file in the immutable data folders is named after the hash of its bytes, and listed', () => {
    expect(folders).toEqual(expect.arrayContaining(['geo/', 'views/', 'weights/']));
    const listed = new Set(manifest.outputs.map((o) => o.path));
    for (const folder of folders) {
      const files = readdirSync(join(DATA_DIR, folder));
      expect(files.length, folder).toBeGreaterThan(0);
      for (const f of files) {
        const tag = /^[^.]+\.([0-9a-f]{8})\./.exec(f)?.[1];
        const sha = createHash('sha256').update(readFileSync(join(DATA_DIR, folder, f))).digest('hex');
        expect({ file: folder + f, tag, listed: listed.has(folder + f) }).toEqual({ file: folder + f, tag: sha.slice(0, 8), listed: true });
      }
    }
  });

  it('each table pack is named after the hash of its bytes', () => {
    for (const t of Object.values(manifest.tables)) {
      const sha = createHash('sha256').update(readFileSync(join(DATA_DIR, t.pack!))).digest('hex');
      expect(t.pack).toContain(`.${sha.slice(0, 8)}.`);
    }
  });
});
