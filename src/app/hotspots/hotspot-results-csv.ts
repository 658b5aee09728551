/**
 * The results as a CSV file: one row per area of the level, with the columns `npm run hotspots`
 * writes (so a run in the browser and one on the command line can be compared line by line), plus
 * the area name, the value(s) tested and the residents. Areas without a value have empty statistics.
 */
import type { HotspotResult } from '../../analysis/stats/hotspots';
import { toCsv, type Cell } from '../../lib/csv-write';
import type { LevelAreas } from '../../data/level-data';
import { classLabel, type FrameClasses } from './hotspot-frame';
import type { HotspotRun } from './use-hotspot-run';

const RESULT_COLUMNS = ['statistic', 'expected', 'variance', 'z', 'sim_mean', 'sim_sd', 'z_sim', 'pseudo_p', 'p_adjusted', 'significant', 'cluster'] as const;

export function hotspotResultsCsv(areas: LevelAreas, run: HotspotRun, r: HotspotResult, fc: FrameClasses): string {
  const header = ['code', 'name', 'x', ...(run.y ? ['y'] : []), ...RESULT_COLUMNS, 'cluster_label', 'residents'];
  const rows: Cell[][] = [];
  for (let i = 0; i < areas.codes.length; i++) {
    const k = fc.rowOf[i];
    const at = (a: Float64Array): Cell => (k < 0 || Number.isNaN(a[k]) ? '' : a[k]);
    const key = fc.keys[fc.cluster[i]];
    rows.push([
      areas.codes[i], areas.names[i], num(run.x.value[i]), ...(run.y ? [num(run.y.value[i])] : []),
      at(r.statistic), at(r.expected), at(r.variance), at(r.z), at(r.simMean), at(r.simSd), at(r.zSim), at(r.pseudoP), at(r.pAdjusted),
      k < 0 || Number.isNaN(r.pAdjusted[k]) ? '' : r.significant[k], key, classLabel(key), num(areas.population[i]),
    ]);
  }
  return toCsv(header, rows, { bom: true, guardFormulas: true });
}

const num = (v: number): Cell => (Number.isFinite(v) ? v : '');
