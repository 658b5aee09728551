/**
 * The shortlisted practices and PCNs (codes in the view state) with their names, PCN and site, from
 * the practice data (QOF 2022-23 with its PCN mapping; sites from the NHS website 2019): what the
 * shortlist shows and exports. A code the data does not hold keeps its row, named as unknown.
 */
import { loadPracticeValues } from '../../data/practice-data';
import type { QueryRunner } from '../../data/query-runner';
import type { ShortlistPracticeRow } from '../../export/shortlist-practices';
import type { ShortlistPractice } from '../../state/shortlist-practices';

const LIST_SIZE = 'qof.list_size';

export async function loadShortlistPracticeRows(q: Pick<QueryRunner, 'run'>, list: readonly ShortlistPractice[]): Promise<ShortlistPracticeRow[]> {
  if (!list.length) return [];
  const [practices, pcns] = await Promise.all([
    list.some((p) => p.kind === 'practice') ? loadPracticeValues(q, LIST_SIZE, 'practice') : [],
    list.some((p) => p.kind === 'pcn') ? loadPracticeValues(q, LIST_SIZE, 'pcn') : [],
  ]);
  const practice = new Map(practices.map((r) => [r.code, r]));
  const pcn = new Map(pcns.map((r) => [r.code, r]));
  return list.map((p): ShortlistPracticeRow => {
    if (p.kind === 'practice') {
      const r = practice.get(p.code);
      return { kind: 'practice', practiceCode: p.code, name: r?.name ?? 'not a QOF 2022-23 practice', pcnCode: r?.pcn ?? null, pcnName: r?.pcnName ?? null, practices: null, lon: r?.lon ?? null, lat: r?.lat ?? null };
    }
    const r = pcn.get(p.code);
    return { kind: 'pcn', practiceCode: null, name: r?.name ?? 'not a PCN in the QOF 2022-23 mapping', pcnCode: p.code, pcnName: null, practices: r?.practices ?? null, lon: null, lat: null };
  });
}
