/**
 * Combines the conditions of an overlap rule: how many each area meets (the 0…k map), which
 * combination it meets (a bitmask, bit j = condition j), and an UpSet-style tally of every
 * combination with its areas and residents inside the scope (the focus region, or England).
 * An area with any condition it cannot be judged on is "incomplete": left out of the combinations
 * and counted apart, never treated as not meeting it.
 */
import { UNKNOWN } from './rule-conditions';

export const MAX_CONDITIONS = 8;

export interface Tally {
  areas: number;
  residents: number;
}

export interface RuleTally {
  k: number;
  /** Conditions met per area (0…k); UNKNOWN where the area is incomplete. */
  met: Uint8Array;
  /** Bitmask of the conditions met per area; −1 where incomplete. */
  combo: Int16Array;
  /** Every combination present in the scope, most areas first (ties: more conditions first). */
  combos: ({ mask: number } & Tally)[];
  /** Areas meeting exactly c conditions, c = 0…k, in the scope. */
  byCount: Tally[];
  /** Areas meeting each condition (whatever the others), in the scope. */
  byCondition: Tally[];
  incomplete: Tally;
  /** Everything in the scope (complete or not). */
  scope: Tally;
}

export function tallyRule(conditions: readonly Uint8Array[], population: Float64Array, scope: Uint8Array | null): RuleTally {
  const k = conditions.length;
  if (k > MAX_CONDITIONS) throw new Error(`at most ${MAX_CONDITIONS} conditions (got ${k})`);
  const n = population.length;
  for (const c of conditions) if (c.length !== n) throw new Error('condition arrays must have one entry per area');
  const met = new Uint8Array(n);
  const combo = new Int16Array(n);
  const comboAreas = new Float64Array(1 << k);
  const comboResidents = new Float64Array(1 << k);
  const byCondition = Array.from({ length: k }, () => ({ areas: 0, residents: 0 }));
  const incomplete = { areas: 0, residents: 0 };
  const all = { areas: 0, residents: 0 };
  for (let i = 0; i < n; i++) {
    let mask = 0;
    let count = 0;
    let unknown = false;
    for (let j = 0; j < k; j++) {
      const v = conditions[j][i];
      if (v === UNKNOWN) unknown = true;
      else if (v) {
        mask |= 1 << j;
        count++;
      }
    }
    met[i] = unknown ? UNKNOWN : count;
    combo[i] = unknown ? -1 : mask;
    if (scope && !scope[i]) continue;
    const pop = Number.isFinite(population[i]) ? population[i] : 0;
    all.areas++;
    all.residents += pop;
    if (unknown) {
      incomplete.areas++;
      incomplete.residents += pop;
      continue;
    }
    comboAreas[mask]++;
    comboResidents[mask] += pop;
    for (let j = 0; j < k; j++) if (mask & (1 << j)) {
      byCondition[j].areas++;
      byCondition[j].residents += pop;
    }
  }
  const combos: RuleTally['combos'] = [];
  const byCount = Array.from({ length: k + 1 }, () => ({ areas: 0, residents: 0 }));
  for (let m = 0; m < 1 << k; m++) {
    if (comboAreas[m] === 0) continue;
    combos.push({ mask: m, areas: comboAreas[m], residents: comboResidents[m] });
    const c = popcount(m);
    byCount[c].areas += comboAreas[m];
    byCount[c].residents += comboResidents[m];
  }
  combos.sort((a, b) => b.areas - a.areas || popcount(b.mask) - popcount(a.mask) || a.mask - b.mask);
  return { k, met, combo, combos, byCount, byCondition, incomplete, scope: all };
}

export function popcount(m: number): number {
  let c = 0;
  for (let x = m; x; x &= x - 1) c++;
  return c;
}
