/**
 * The shortlisted practices and PCNs (codes in the view state) with their names, PCN, Sub-ICB, list
 * size, site (a PCN: its practices' sites) and the practice measure chosen in the Practices tab, from
 * the practice data (QOF 2022-23 with its PCN mapping; sites from the NHS website 2019): what the
 * shortlist shows and exports. A code the data does not hold keeps its row, named as unknown.
 */
import { practiceMeasure } from '../../data/catalogue/practice-measures';
import { loadPracticeValues, type PracticeValue } from '../../data/practice-data';
import type { QueryRunner } from '../../data/query-runner';
import type { ShortlistPracticeRow } from '../../export/shortlist-practices';
import type { ShortlistPractice } from '../../state/shortlist-practices';

const LIST_SIZE = 'qof.list_size';

/** `measureId`: the Practices tab's measure (its value goes with each row; the list size always does). */
export async function loadShortlistPracticeRows(q: Pick<QueryRunner, 'run'>, list: readonly ShortlistPractice[], measureId?: string): Promise<ShortlistPracticeRow[]> {
  if (!list.length) return [];
  const m = measureId && measureId !== LIST_SIZE ? practiceMeasure(measureId) : undefined;
  const anyPcn = list.some((p) => p.kind === 'pcn');
  const [practices, pcns, mPractices, mPcns] = await Promise.all([
    loadPracticeValues(q, LIST_SIZE, 'practice'),
    anyPcn ? loadPracticeValues(q, LIST_SIZE, 'pcn') : [],
    m && list.some((p) => p.kind === 'practice') ? loadPracticeValues(q, m.id, 'practice') : [],
    m && anyPcn ? loadPracticeValues(q, m.id, 'pcn') : [],
  ]);
  const byCode = (rows: PracticeValue[]) => new Map(rows.map((r) => [r.code, r]));
  const [practice, pcn, mPractice, mPcn] = [byCode(practices), byCode(pcns), byCode(mPractices), byCode(mPcns)];
  const measureOf = (r: PracticeValue | undefined): ShortlistPracticeRow['measure'] => (m && r ? { label: m.label, unit: m.unit, value: r.value, lower: r.lower, upper: r.upper } : null);
  return list.map((p): ShortlistPracticeRow => {
    if (p.kind === 'practice') {
      const r = practice.get(p.code);
      return {
        kind: 'practice', practiceCode: p.code, name: r?.name ?? 'not a QOF 2022-23 practice', pcnCode: r?.pcn ?? null, pcnName: r?.pcnName ?? null,
        subIcbCode: r?.sicbl24 ?? null, listSize: r?.value ?? null, practices: null, measure: measureOf(mPractice.get(p.code)), lon: r?.lon ?? null, lat: r?.lat ?? null, members: [],
      };
    }
    const r = pcn.get(p.code);
    const members = practices.filter((x) => x.pcn === p.code);
    return {
      kind: 'pcn', practiceCode: null, name: r?.name ?? 'not a PCN in the QOF 2022-23 mapping', pcnCode: p.code, pcnName: null,
      // a PCN's Sub-ICB: the one holding most of its list (practice-sql.ts)
      subIcbCode: r?.sicbl24 ?? null, listSize: r?.value ?? null, practices: r?.practices ?? null,
      measure: measureOf(mPcn.get(p.code)), lon: null, lat: null,
      members: members.flatMap((x) => (x.lon !== null && x.lat !== null ? [[x.lon, x.lat] as const] : [])),
    };
  });
}
