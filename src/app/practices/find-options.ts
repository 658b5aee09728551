/** Plain options and words for "Find practices" (measures, tests, the default condition). */
import type { FindTest } from '../../analysis/practice-find/find-practices';
import { practiceMeasure, PRACTICE_MEASURES } from '../../data/catalogue/practice-measures';
import type { UserPracticeMeasure } from '../../data/import/user-practice-measures';
import type { SelectOption } from '../../ui/Select';

export function findMeasureOptions(user: readonly UserPracticeMeasure[]): SelectOption[] {
  return [
    ...PRACTICE_MEASURES.map((m) => ({ value: m.id, label: m.short, group: m.kind === 'proportion' ? 'QOF 2022-23 registers (context)' : m.kind === 'count' ? 'List' : 'Deprivation around the practice (approximate)' })),
    ...user.map((u) => ({ value: u.id, label: u.label, group: 'Your data' })),
  ];
}

/** Only shares of a list have 95 % intervals: registers and a user's practice-file shares. */
export const hasInterval = (id: string, user: readonly UserPracticeMeasure[]) => practiceMeasure(id)?.kind === 'proportion' || user.some((u) => u.id === id);

export function findTestOptions(id: string, user: readonly UserPracticeMeasure[]): SelectOption[] {
  const ci = hasInterval(id, user);
  return [
    { value: 'any', label: 'any value (score only)' },
    { value: 'at-least', label: 'at least (≥)' },
    { value: 'at-most', label: 'at most (≤)' },
    { value: 'top-percent', label: 'in the highest N %' },
    { value: 'bottom-percent', label: 'in the lowest N %' },
    { value: 'significantly-above', label: ci ? 'significantly above England (95 % interval)' : 'significantly above England – needs intervals', disabled: !ci },
    { value: 'significantly-below', label: ci ? 'significantly below England (95 % interval)' : 'significantly below England – needs intervals', disabled: !ci },
  ];
}

export function findTest(kind: string, number: number): FindTest {
  switch (kind) {
    case 'at-most':
      return { kind, value: number };
    case 'top-percent':
    case 'bottom-percent':
      return { kind, percent: Math.min(100, Math.max(0.1, number)) };
    case 'significantly-above':
    case 'significantly-below':
    case 'any':
      return { kind };
    default:
      return { kind: 'at-least', value: number };
  }
}

export const testNumber = (t: FindTest): number | null => ('value' in t ? t.value : 'percent' in t ? t.percent : null);

export function measureShort(id: string, user: readonly UserPracticeMeasure[]): string {
  return practiceMeasure(id)?.short ?? user.find((u) => u.id === id)?.label ?? id;
}
