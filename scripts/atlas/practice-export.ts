/**
 * `atlas export --level practice|pcn`: one row per GP practice or Primary Care Network with the chosen
 * QOF 2022-23 measures, computed by the app's practice SQL (practiceMeasureSql) on the built tables.
 * Register prevalence comes with its Wilson 95 % limits and its numerator and denominator, so a funnel
 * plot or a PCN sum can be redone elsewhere.
 */

import { NEIGHBOURHOOD_SOURCE, PRACTICE_LEVELS, QOF_SOURCE, practiceMeasure, type PracticeLevelId, type PracticeMeasure } from '../../src/data/catalogue/practice-measures';
import { loadPracticeValues, type PracticeValue } from '../../src/data/practice-data';
import { practiceMeasureSql } from '../../src/data/sql/practice-sql';
import { toCsv, type Cell } from '../../src/lib/csv-write';
import { openAtlasData, readDataManifest, tablesUsed } from './atlas-data';
import { UsageError, writeCsvOut, type CliIo } from './command';

export function parsePracticeMeasures(list: readonly string[]): PracticeMeasure[] {
  const ids = list.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  if (!ids.length) throw new UsageError('--measures is required (ids: npm run -s atlas -- measures --level practice)');
  return ids.map((id) => {
    const m = practiceMeasure(id);
    if (!m) throw new UsageError(`--measures: "${id}" is not a practice measure (see: npm run -s atlas -- measures --level practice)`);
    return m;
  });
}

export async function runPracticeExport(level: PracticeLevelId, measures: PracticeMeasure[], dir: string, out: string | null, bom: boolean, io: CliIo): Promise<number> {
  const manifest = readDataManifest(dir);
  const sql = measures.map((m) => practiceMeasureSql(m.id, level));
  const q = await openAtlasData(dir, manifest, tablesUsed(manifest, sql, '--data', dir));
  const results: PracticeValue[][] = [];
  for (const m of measures) results.push(await loadPracticeValues(q, m.id, level));
  const first = results[0];
  const header = ['code', 'name', ...(level === 'practice' ? ['pcn_code'] : ['practices']), 'sicbl24_code', 'icb24_code'];
  for (const m of measures) header.push(...(m.kind === 'proportion' ? [m.id, `${m.id}.lower`, `${m.id}.upper`, `${m.id}.numerator`, `${m.id}.denominator`] : [m.id]));
  const rows: Cell[][] = first.map((r, i) => [
    r.code, r.name, level === 'practice' ? r.pcn : r.practices, r.sicbl24, r.icb24,
    ...measures.flatMap((m, j) => {
      const x = results[j][i];
      if (x.code !== r.code) throw new Error(`practice export: rows of ${m.id} are not in the same order`);
      return m.kind === 'proportion' ? [x.value, x.lower, x.upper, x.numerator, x.denominator] : [x.value];
    }),
  ]);
  const csv = toCsv(header, rows, { guardFormulas: true, bom });
  writeCsvOut(csv, out, io);
  io.err(`${rows.length} ${PRACTICE_LEVELS[level].label} rows × ${measures.length} measure${measures.length === 1 ? '' : 's'}${out ? ` → ${out}` : ''}`);
  for (const m of measures) io.err(`  ${m.id}: ${m.label}. ${m.definition}`);
  io.err(`  Source: ${QOF_SOURCE}`);
  if (measures.some((m) => m.kind === 'neighbourhood')) io.err(`  Neighbourhood measures: ${NEIGHBOURHOOD_SOURCE}`);
  return 0;
}
