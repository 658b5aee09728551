/**
 * `npm run atlas -- export` timings: cold runs as an analyst starts them (a new node process, tsx
 * compile, DuckDB-wasm start, only the tables the SQL names), and the same steps timed in-process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_DATA_DIR, openAtlasData, readDataManifest, tablesUsed } from '../../scripts/atlas/atlas-data';
import { loadIndicatorValues, loadLevelAreas } from '../../src/data/level-data';
import { indicatorSql } from '../../src/data/sql/indicator-sql';

const ROOT = resolve(import.meta.dirname, '../..');
const MEASURES = 'imd2025.imd.score,smoking.aps.current,cancer.incidence.dsr:site=C33-C34';

const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
const seconds = (m: string) => {
  const [, min, sec] = /(\d+)m([\d.]+)s/.exec(m) ?? [];
  return Math.round((Number(min) * 60 + Number(sec)) * 1000);
};

/**
 * Wall time and the CPU time of the command and its children (bash's `times`): on a shared machine
 * the wall time moves with the load, the CPU time much less.
 */
function cold(args: string[]): { wallMs: number; cpuMs: number; exit: number | null } {
  const t = performance.now();
  const cmd = `npx tsx scripts/atlas.ts ${args.map(quote).join(' ')} >/dev/null 2>&1; s=$?; times; exit $s`;
  const r = spawnSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8' });
  const [user, sys] = (r.stdout.trim().split('\n').pop() ?? '').split(/\s+/);
  return { wallMs: Math.round(performance.now() - t), cpuMs: seconds(user ?? '') + seconds(sys ?? ''), exit: r.status };
}

export async function benchAtlasCli(): Promise<Record<string, unknown>> {
  const out = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const subprocess = {
    levels: cold(['levels']),
    lsoaOneMeasure: cold(['export', '--level', 'lsoa21', '--measures', 'imd2025.imd.decile', '--out', join(out, 'a.csv')]),
    lsoaThreeMeasures: cold(['export', '--level', 'lsoa21', '--measures', MEASURES, '--out', join(out, 'b.csv')]),
    wardsInFocus: cold(['export', '--level', 'ward24', '--focus', 'E08000025', '--measures', MEASURES, '--out', join(out, 'c.csv')]),
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const manifest = readDataManifest(DEFAULT_DATA_DIR);
  const dims: Record<string, string>[] = [{}, {}, { site: 'C33-C34' }];
  const ids = ['imd2025.imd.score', 'smoking.aps.current', 'cancer.incidence.dsr'];
  const sql = ids.map((id, j) => indicatorSql(id, 'lsoa21', dims[j]));
  const tables = tablesUsed(manifest, sql);
  const q = await openAtlasData(DEFAULT_DATA_DIR, manifest, tables);
  const t1 = performance.now();
  const cpu1 = process.cpuUsage(cpu0);
  const areas = await loadLevelAreas(q, 'lsoa21');
  const t2 = performance.now();
  const perMeasure: Record<string, number> = {};
  for (const [j, id] of ids.entries()) {
    const s = performance.now();
    await loadIndicatorValues(q, id, 'lsoa21', dims[j], areas);
    perMeasure[id] = Math.round(performance.now() - s);
  }
  return {
    subprocess,
    inProcessLsoa21: { tables, startAndLoadMs: Math.round(t1 - t0), startAndLoadCpuMs: Math.round((cpu1.user + cpu1.system) / 1000), areasMs: Math.round(t2 - t1), valuesMs: perMeasure, rssMb: Math.round(process.memoryUsage().rss / 1e6) },
  };
}
