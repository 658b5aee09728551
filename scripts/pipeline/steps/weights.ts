/**
 * Contiguity weights for every level, as GeoDa GAL files (`weights/<level>-queen.gal`,
 * `weights/<level>-rook.gal`), so the app never derives neighbours from geometry at run time and
 * analysts can load the exact weights into GeoDa, PySAL or spdep. Ids are the area codes, in the
 * topology's (code) order. Islands are written with no neighbours and reported in the log.
 */
import { writeGal } from '../../../src/analysis/weights/gal';
import { contiguityWeights, type ContiguityRule } from '../../../src/analysis/weights/contiguity-weights';
import { topologyContiguity } from '../../../src/geo/topology-neighbours';
import type { LevelId } from '../../../src/geo/levels';
import type { PipelineStep } from '../context';

const RULES: readonly ContiguityRule[] = ['queen', 'rook'];

export const weightsStep: PipelineStep = {
  name: 'Contiguity weights (GAL)',
  async run(ctx) {
    for (const [level, topo] of Object.entries(ctx.topologies) as [LevelId, NonNullable<(typeof ctx.topologies)[LevelId]>][]) {
      const obj = topo.objects[level];
      if (!obj || obj.type !== 'GeometryCollection') throw new Error(`weights: topology for ${level} has no "${level}" geometry collection`);
      const ids = obj.geometries.map((g, i) => {
        if (g.id === undefined) throw new Error(`weights: ${level} geometry ${i + 1} has no id`);
        return String(g.id);
      });
      const contiguity = topologyContiguity(topo, level);
      for (const rule of RULES) {
        const w = contiguityWeights(ids, contiguity[rule], rule, 'B');
        await ctx.out.write(`weights/${level}-${rule}.gal`, writeGal(w, { shape: level, key: 'code' }), { kind: 'weights', rows: w.n, level, hashed: true });
        const islands = Array.from(w.islands, (i) => ids[i]);
        const links = w.neighbours.length / 2;
        ctx.log(`weights ${level} ${rule}: ${w.n} areas, ${links} links${islands.length ? `, islands: ${islands.join(', ')}` : ''}`);
      }
    }
  },
};
