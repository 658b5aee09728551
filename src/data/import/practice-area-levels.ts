/**
 * The Sub-ICB and ICB rules of a GP practice file's value: when its table holds rows summed by each
 * practice's own Sub-ICB (practice-area-rows.ts), those rows are read as they are (a native rule at
 * those levels) with a sentence saying how they were made and which practices are left out.
 * Otherwise (averages, other files, projects saved before these rows existed) the LSOA plan stays.
 */
import type { Indicator } from '../catalogue/types';
import { LEVELS } from '../../geo/levels';
import { PRACTICE_AREA_LEVELS, summedByPractice } from './practice-area-rows';
import type { DatasetSpec, ValueSpec } from './user-dataset';

type Levels = Pick<Indicator, 'levels' | 'methodNote' | 'unavailable'>;

const n = (x: number) => x.toLocaleString('en-GB');

/** What the join report and the method note say about practices without a Sub-ICB. */
export function unmappedPracticesText(a: NonNullable<DatasetSpec['practiceAreas']>, d: Pick<DatasetSpec, 'values'>): string {
  if (a.unmapped === 0) return `All ${n(a.mapped)} practices of your file have a Sub-ICB in the QOF 2022-23 mapping.`;
  const rate = d.values.find((v) => v.ratio);
  const patients = rate?.ratio && a.patients !== null ? ` (${n(a.patients)} in "${rate.ratio.denominator}")` : '';
  return `${n(a.unmapped)} practice${a.unmapped === 1 ? '' : 's'} of your file${patients} ha${a.unmapped === 1 ? 's' : 've'} no Sub-ICB in the QOF 2022-23 mapping (closed or merged) and ${a.unmapped === 1 ? 'is' : 'are'} left out of Sub-ICB and ICB values; ${n(a.mapped)} ha${a.mapped === 1 ? 's' : 've'} one.`;
}

export function practiceAreaLevels(d: DatasetSpec, v: ValueSpec, plan: Levels): Levels {
  const a = d.practiceAreas;
  if (!d.practices || !a || !summedByPractice(v)) return plan;
  const levels = { ...plan.levels };
  const methodNote = { ...plan.methodNote };
  const unavailable = { ...plan.unavailable };
  const how = v.ratio ? `rate recomputed from the sum of "${v.column}" over the sum of "${v.ratio.denominator}"` : 'sum of the counts';
  for (const level of PRACTICE_AREA_LEVELS) {
    levels[level] = { kind: 'native' };
    delete unavailable[level];
    const whose = level === 'sicbl24' ? "each practice's own Sub-ICB location" : "the ICB of each practice's own Sub-ICB location";
    methodNote[level] = `${LEVELS[level].label}: ${how} of your practices, counted in ${whose} (QOF 2022-23 practice → PCN → Sub-ICB mapping, recoded to 2024), `
      + `not in the LSOA where the surgery stands${v.ratio ? ', with a 95 % ' + (v.ratio.ci === 'proportion' ? 'Wilson' : "Byar's") + ' interval' : ''}. ${unmappedPracticesText(a, d)}`;
  }
  return { levels, methodNote, unavailable };
}
