/**
 * Re-bases a local-authority series to the 2024 districts, period by period. A 2024 authority gets
 * the value published under its own code, or under its single predecessor's code (a recode, e.g.
 * St Albans E07000100 → E07000240). A merged authority (Buckinghamshire, Cumberland, North
 * Yorkshire, ...) that has no value of its own for a period gets none: its predecessors' values are
 * listed in a note instead of being averaged, because the publisher's estimate for the new area is
 * not a population-weighted mean of the old ones (different samples, weights and suppression).
 */
import type { JoinReport } from './join-report';
import { isMerger, type LadHistory } from './lad-history';
import type { FingertipsRow } from './read-fingertips';

export type LadStatus = 'published' | 'recoded' | 'not-published' | 'merged-no-value';

export interface LadValue extends Omit<FingertipsRow, 'name' | 'valueNote'> {
  status: LadStatus;
  note: string | null;
}

const LAD_PREFIX = /^E0[6-9]/;

export interface HarmoniseOptions {
  series: string;
  periods: string[];
  /** England 2024 districts: code → name. */
  lad24: Map<string, string>;
  history: LadHistory;
  format: (v: number) => string;
}

export function harmoniseToLad24(rows: FingertipsRow[], o: HarmoniseOptions, report: JoinReport): LadValue[] {
  const lad = rows.filter((r) => LAD_PREFIX.test(r.code));
  const target = (code: string) => o.history.to24.get(code);
  const unknown = lad.filter((r) => !o.lad24.has(target(r.code) ?? ''));
  const byPeriod = new Map<string, Map<string, FingertipsRow[]>>();
  for (const r of lad) {
    const to = target(r.code);
    if (!to || !o.lad24.has(to)) continue;
    const m = byPeriod.get(r.period) ?? byPeriod.set(r.period, new Map()).get(r.period)!;
    m.set(to, [...(m.get(to) ?? []), r]);
  }
  const out: LadValue[] = [];
  const n = { direct: 0, recoded: 0, inNotes: 0, notPublished: 0, merged: 0, missing: [] as string[] };
  for (const period of o.periods) {
    const candidates = byPeriod.get(period) ?? new Map<string, FingertipsRow[]>();
    for (const [code, name] of o.lad24) {
      const rowsHere = candidates.get(code) ?? [];
      const merger = isMerger(o.history, code);
      const own = rowsHere.find((r) => r.code === code) ?? (merger ? undefined : rowsHere[0]);
      const base = { code, period, value: null, lower: null, upper: null, count: null, denominator: null };
      if (own && own.value !== null) {
        const status: LadStatus = own.code === code ? 'published' : 'recoded';
        if (status === 'published') n.direct++;
        else n.recoded++;
        out.push({ ...base, value: own.value, lower: own.lower, upper: own.upper, count: own.count, denominator: own.denominator, status,
          note: status === 'recoded' ? `Published under the former code ${own.code} (${own.name}).` : null });
        continue;
      }
      if (merger) {
        const preds = rowsHere.filter((r) => r.code !== code && r.value !== null);
        n.inNotes += preds.length;
        n.merged++;
        const listed = preds.map((p) => `${p.name} ${o.format(p.value!)}`).join(', ');
        out.push({ ...base, status: 'merged-no-value',
          note: `No ${period} value for ${name} (a merger of ${o.history.lineages.get(code)!.size} former councils, new from ${o.history.since.get(code)})`
            + (preds.length ? `; its predecessor districts had values: ${listed}. These are not averaged into a value for the new council.` : '; none of its predecessor districts has a value either.') });
        continue;
      }
      if (own) {
        n.notPublished++;
        out.push({ ...base, status: 'not-published', note: `Not published for ${name} in ${period}${own.valueNote ? ` (${own.valueNote.toLowerCase()})` : ' (suppressed by the publisher, usually because the sample or count is too small)'}.` });
        continue;
      }
      n.missing.push(`${code} ${period}`);
    }
  }
  const periodsSeen = new Set(lad.map((r) => r.period));
  report.note(`${o.series}: ${rows.length} source rows (${rows.length - lad.length} England/region/other rows kept apart), periods ${o.periods[0]}–${o.periods[o.periods.length - 1]}; `
    + `2024 districts × periods: ${n.direct} matched on the 2024 code, ${n.recoded} harmonised from a former code, ${n.merged} merged councils without their own value `
    + `(${n.inNotes} predecessor values listed in notes, not averaged), ${n.notPublished} not published (suppressed at source), ${n.missing.length} missing`);
  report.check(`${o.series}: district codes → 2024 districts (code history)`, lad.map((r) => r.code), { has: (c) => o.lad24.has(target(c) ?? '') });
  if (unknown.length) report.note(`${o.series}: unmatched codes ${[...new Set(unknown.map((r) => r.code))].join(', ')}`);
  // Anything still missing is unexplained: fail the build rather than show a silent gap.
  if (n.missing.length) report.check(`${o.series}: non-merged 2024 districts without a row`, n.missing, { has: () => false });
  const absent = o.periods.filter((p) => !periodsSeen.has(p));
  if (absent.length) report.check(`${o.series}: periods with no district rows`, absent, { has: () => false });
  return out;
}
