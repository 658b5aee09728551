/**
 * "Find practices": conditions over practice (or PCN) measures, all to be met, in the focus region
 * (or England), judged by the pure core (analysis/practice-find) on the values the Practices tab
 * shows everywhere else. The matching practices or PCNs are listed and can join the shortlist.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { findCondition, meetingAll } from '../../analysis/practice-find/find-practices';
import { practiceScore } from '../../analysis/practice-find/practice-score';
import type { UserPracticeMeasure } from '../../data/import/user-practice-measures';
import { loadFindUnits, type FindUnits } from '../../data/practice-find-data';
import type { QueryRunner } from '../../data/query-runner';
import type { FocusLevel } from '../../geo/levels';
import { MAX_FIND_CONDITIONS, type FindCondition, type PracticeFind } from '../../state/practice-view';
import type { ShortlistPractice } from '../../state/shortlist-practices';
import { Select } from '../../ui/Select';
import { findMeasureOptions, findTest, findTestOptions, hasInterval, measureShort, testNumber } from './find-options';

const SHOWN = 200;
const DEFAULT_FIND: PracticeFind = { level: 'practice', conditions: [] };
const fmt = (v: number) => (Number.isFinite(v) ? v.toLocaleString('en-GB', { maximumFractionDigits: 2 }) : '–');

export function PracticeFindSection({ queries, user, find: given, focus, focusName, onFind, onShortlist, onPick }: {
  queries: QueryRunner; user: readonly UserPracticeMeasure[]; find: PracticeFind | null; focus: { level: FocusLevel; code: string } | null; focusName: string | null;
  onFind(f: PracticeFind): void; onShortlist(items: ShortlistPractice[]): void; onPick(code: string): void;
}) {
  const find = given ?? DEFAULT_FIND;
  // a link's user measure is not here once its file is gone (or in another browser)
  const conditions = useMemo(() => find.conditions.filter((c) => !c.measure.startsWith('user.') || user.some((u) => u.id === c.measure)), [find.conditions, user]);
  const measuresKey = conditions.map((c) => c.measure).join(' ');
  const [focusLevel, focusCode] = [focus?.level ?? null, focus?.code ?? null];
  const key = `${find.level}|${measuresKey}|${focusLevel ?? ''}|${focusCode ?? ''}`;
  const [units, setUnits] = useState<{ key: string; u: FindUnits } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const valueId = useId();
  // the number inputs keep what is typed (uncontrolled); after a removal the rows remount with their own values
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!measuresKey) return;
    let live = true;
    setError(null);
    const at = focusLevel && focusCode ? { level: focusLevel, code: focusCode } : null;
    loadFindUnits(queries, find.level, measuresKey.split(' '), user, at).then((u) => { if (live) setUnits({ key, u }); }, (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [queries, key, find.level, measuresKey, focusLevel, focusCode, user]);
  const ready = units?.key === key ? units.u : null;
  const found = useMemo(() => {
    if (!ready) return null;
    const met = meetingAll(conditions.map((c, j) => findCondition(ready.columns[j], c.test, ready.scope)), ready.codes.length);
    const weighted = conditions.some((c) => c.weight > 0);
    // ranked within the scope by the weighted score of the measures given a weight (area composite maths)
    const score = weighted ? practiceScore(conditions.map((c, j) => ({ values: ready.columns[j].value, weight: c.weight, first: c.first })), ready.scope) : null;
    const rows = ready.codes.flatMap((_, i) => (met[i] ? [i] : []));
    if (score) rows.sort((a, b) => (Number.isFinite(score[b]) ? score[b] : -1) - (Number.isFinite(score[a]) ? score[a] : -1));
    return { rows, score };
  }, [ready, conditions]);
  const set = (j: number, c: FindCondition | null) => onFind({ ...find, conditions: c ? conditions.map((x, k) => (k === j ? c : x)) : conditions.filter((_, k) => k !== j) });
  const noun = find.level === 'pcn' ? 'PCNs' : 'practices';
  const where = focus ? (focusName ?? focus.code) : 'England';
  return (
    <section className="practice-find" aria-labelledby="practice-find-h" data-testid="practice-find">
      <h3 id="practice-find-h">Find practices</h3>
      <p className="hint">Practices or PCNs in {where} meeting every condition. Registers are context (recorded prevalence), not better or worse; &quot;significantly&quot; holds only where a 95 % interval lies wholly above or below England&apos;s value (a practice file&apos;s England is its practices summed).</p>
      <Select label="Find" value={find.level} testId="find-level" onChange={(v) => onFind({ ...find, conditions, level: v === 'pcn' ? 'pcn' : 'practice' })}
        options={[{ value: 'practice', label: 'GP practices' }, { value: 'pcn', label: 'Primary Care Networks (sums of their practices)' }]} />
      <ol className="find-conditions">
        {conditions.map((c, j) => {
          const n = testNumber(c.test);
          return (
            <li key={`${generation}-${j}`} data-testid="find-condition">
              <Select label={`Condition ${j + 1}: measure`} value={c.measure} testId={`find-measure-${j}`} options={findMeasureOptions(user)}
                onChange={(m) => set(j, { ...c, measure: m, test: !hasInterval(m, user) && c.test.kind.startsWith('significantly') ? findTest('at-least', 0) : c.test })} />
              <Select label={`Condition ${j + 1}: test`} value={c.test.kind} testId={`find-test-${j}`} options={findTestOptions(c.measure, user)}
                onChange={(k) => set(j, { ...c, test: findTest(k, n ?? (k.endsWith('percent') ? 10 : 0)) })} />
              {n !== null && (
                <div className="field">
                  <label htmlFor={`${valueId}-${j}`}>{c.test.kind.endsWith('percent') ? `Condition ${j + 1}: N %` : `Condition ${j + 1}: value`}</label>
                  <input id={`${valueId}-${j}`} type="number" step="any" defaultValue={n} data-testid={`find-value-${j}`}
                    onChange={(e) => { const v = e.target.valueAsNumber; if (Number.isFinite(v)) set(j, { ...c, test: findTest(c.test.kind, v) }); }} />
                </div>
              )}
              <div className="field">
                <label htmlFor={`${valueId}-w${j}`}>{`Condition ${j + 1}: weight in the score (0 = not in it)`}</label>
                <input id={`${valueId}-w${j}`} type="number" min={0} max={10} step={1} defaultValue={c.weight} data-testid={`find-weight-${j}`}
                  onChange={(e) => { const v = e.target.valueAsNumber; if (Number.isFinite(v) && v >= 0 && v <= 10) set(j, { ...c, weight: v }); }} />
              </div>
              {c.weight > 0 && <Select label={`Condition ${j + 1}: ranks first`} value={c.first} testId={`find-first-${j}`} onChange={(v) => set(j, { ...c, first: v === 'lower' ? 'lower' : 'higher' })}
                options={[{ value: 'higher', label: 'higher values' }, { value: 'lower', label: 'lower values' }]} />}
              <button type="button" onClick={() => { setGeneration((g) => g + 1); set(j, null); }}>Remove condition {j + 1}</button>
            </li>
          );
        })}
      </ol>
      {conditions.length < MAX_FIND_CONDITIONS && (
        <button type="button" data-testid="find-add" onClick={() => onFind({ ...find, conditions: [...conditions, { measure: 'qof.can.prevalence', test: { kind: 'significantly-above' }, weight: 0, first: 'higher' }] })}>Add a condition</button>
      )}
      {error && <p className="notice-inline" role="alert">The practices could not be found: {error}. Change a condition, or reload the page.</p>}
      {conditions.length > 0 && !found && !error && <p className="hint" role="status">Finding {noun}…</p>}
      {found && (
        <>
          <p role="status" data-testid="find-count">{`${found.rows.length.toLocaleString('en-GB')} ${noun} in ${where} meet ${conditions.length === 1 ? 'the condition' : `all ${conditions.length} conditions`}${found.score ? ', highest score first' : ''}.`}</p>
          {found.rows.length > 0 && <button type="button" data-testid="find-shortlist" onClick={() => onShortlist(found.rows.map((i) => ({ kind: find.level, code: ready!.codes[i] })))}>{`Add ${found.rows.length === 1 ? 'it' : `these ${found.rows.length.toLocaleString('en-GB')}`} to the shortlist (at most 200 practices and PCNs in all)`}</button>}
          {found.score && <p className="hint">Score: the weighted mean of each weighted measure&apos;s percentile among the {noun} of {where} (100 = first by the end you chose), as the area composite does; a {find.level === 'pcn' ? 'PCN' : 'practice'} missing a weighted measure has none (–).</p>}
          <div className="funnel-outliers" tabIndex={0} role="region" aria-labelledby="practice-find-h">
            <table data-testid="find-results">
              <caption className="visually-hidden">{`${noun} meeting the conditions${found.rows.length > SHOWN ? ` (first ${SHOWN})` : ''}`}</caption>
              <thead><tr><th scope="col">{find.level === 'pcn' ? 'PCN' : 'Practice'}</th><th scope="col">Code</th>{find.level === 'practice' && <th scope="col">PCN</th>}{conditions.map((c, j) => <th key={j} scope="col" className="num">{measureShort(c.measure, user)}</th>)}{found.score && <th scope="col" className="num">Score</th>}</tr></thead>
              <tbody>
                {found.rows.slice(0, SHOWN).map((i) => (
                  <tr key={ready!.codes[i]}>
                    <th scope="row">{find.level === 'practice' ? <button type="button" className="link-button" onClick={() => onPick(ready!.codes[i])}>{ready!.names[i]}</button> : ready!.names[i]}</th>
                    <td>{ready!.codes[i]}</td>{find.level === 'practice' && <td>{ready!.pcns[i] ?? '–'}</td>}
                    {conditions.map((_, j) => <td key={j} className="num">{fmt(ready!.columns[j].value[i])}</td>)}
                    {found.score && <td className="num">{fmt(found.score[i])}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
