/**
 * Contiguity weights for every level, as GeoDa GAL files (`weights/<level>-queen.gal`,
 * `weights/<level>-rook.gal`), so the app never derives neighbours from geometry at run time and
 * analysts can load the exact weights into GeoDa, PySAL or spdep. Ids are the area codes, in the
 * topology's (code) order. The neighbours come from the unquantised boundaries (see
 * src/geo/vertex-contiguity.ts: spdep poly2nb's rule, checked against it in
 * test/parity/contiguity-parity.test.ts), not from the quantised topology the map draws. Islands
 * are written with no neighbours and reported in the log.
 */
import { writeGal } from '../../../src/analysis/weights/gal';
import { contiguityWeights, type ContiguityRule } from '../../../src/analysis/weights/contiguity-weights';
import type { LevelId } from '../../../src/geo/levels';
import { topologyIds } from '../build-topology';
import type { PipelineStep } from '../context';

const RULES: readonly ContiguityRule[] = ['queen', 'rook'];

export const weightsStep: PipelineStep = {
  name: 'Contiguity weights (GAL)',
  async run(ctx) {
    for (const level of Object.keys(ctx.topologies) as LevelId[]) {
      const ids = topologyIds(ctx.topologies[level]!, level);
      const contiguity = ctx.contiguity[level];
      if (!contiguity) throw new Error(`weights: no contiguity was built for ${level}`);
      if (contiguity.ids.length !== ids.length || contiguity.ids.some((id, i) => id !== ids[i])) {
        throw new Error(`weights: the ${level} neighbour lists are not in the topology's area order`);
      }
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
