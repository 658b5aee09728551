/** The Practices tab: a QOF register's funnel plot across England's practices and the practices outside its 99.8 % limits. */
import { useEffect, useState } from 'react';
import { PRACTICE_MEASURES } from '../../data/catalogue/practice-measures';
import type { UserPracticeMeasure } from '../../data/import/user-practice-measures';
import { loadUserPracticeMissing } from '../../data/practice-data';
import { DEFAULT_FUNNEL, loadFunnelSubIcbs, loadPracticeFunnel, loadUserPracticeFunnel, type FunnelOptions, type PracticeFunnel } from '../../data/practice-funnel';
import type { QueryRunner } from '../../data/query-runner';
import { FunnelPlot, positionWords } from '../../ui/FunnelPlot';
import { Select } from '../../ui/Select';
import './practices.css';
import { useNeighbourhood, type Neighbourhood } from './use-neighbourhood';
import { UserPcnTable } from './UserPcnTable';
import { PracticeFindSection } from './PracticeFindSection';
import type { PracticeFind } from '../../state/practice-view';
import type { ShortlistPractice } from '../../state/shortlist-practices';
import type { FocusLevel } from '../../geo/levels';
import type { RegisteredState } from '../registered/registered-store';
import { RegisteredMeasures } from '../registered/RegisteredMeasures';

const REGISTERS = PRACTICE_MEASURES.filter((m) => m.kind === 'proportion');
const SHOWN = 100;
const pct = (v: number) => `${v.toFixed(2)}%`;
const nbhdWords = (n: Neighbourhood | undefined) => (n?.score == null ? 'not located' : `IMD 2025 score ${n.score.toFixed(1)}, Core20 ${(n.core20 ?? 0).toFixed(0)} % of residents`);
const regWords = (r: RegisteredState, code: string) => {
  const d = r.byPractice.get(code);
  return d?.score == null ? `not in ${r.report.file}` : `IMD 2025 score ${d.score.toFixed(1)}, Core20 (IMD 2025) ${(d.core20 ?? 0).toFixed(1)} % of ${d.patients.toLocaleString('en-GB')} patients`;
};
type Deprivation = 'neighbourhood' | 'registered';

/** The picked practice's and its PCN's measures weighted by where their registered patients live. */
function PickedRegistered({ registered, code }: { registered: RegisteredState; code: string }) {
  const d = registered.byPractice.get(code);
  const pcn = d?.pcn ? registered.byPcn.get(d.pcn) : undefined;
  return (
    <div className="registered-picked">
      <RegisteredMeasures d={d} file={registered.report.file} unit="practice" testId="funnel-picked-measures" />
      {pcn && d?.pcn && <><p><strong>{`Its PCN (${d.pcn})`}</strong></p><RegisteredMeasures d={pcn} file={registered.report.file} unit="PCN" testId="funnel-picked-pcn-measures" /></>}
    </div>
  );
}

/**
 * The register and the picked practice live in the view state (practice-view.ts): the map colours its
 * practices by the same register, and picking a practice here (click or Enter on the plot, or its
 * name in the table) selects it on the map, flies there and opens its profile.
 */
/**
 * Deprivation beside each practice: its neighbourhood's (always) or, once the user has loaded the
 * registered-patient file (`registered`), weighted by where its registered patients live.
 */
export function PracticesPanel({ queries, measure: asked, userMeasures, selected: picked, registered, onMeasure, onPick, find }: {
  queries: QueryRunner; measure: string; userMeasures: readonly UserPracticeMeasure[]; selected: string | null; registered: RegisteredState | null; onMeasure(id: string): void; onPick(code: string): void;
  /** "Find practices": its conditions, the focus region it is scoped to, and where its results go. */
  find: { spec: PracticeFind | null; focus: { level: FocusLevel; code: string } | null; focusName: string | null; onChange(f: PracticeFind): void; onShortlist(items: ShortlistPractice[]): void };
}) {
  // A user's practice file's share (until the file is removed), else a register.
  const user = userMeasures.find((u) => u.id === asked) ?? null;
  const measure = user || REGISTERS.some((r) => r.id === asked) ? asked : REGISTERS[0].id;
  const [missing, setMissing] = useState<{ id: string; codes: string[] } | null>(null);
  const [deprivationChoice, setDeprivation] = useState<Deprivation>('registered');
  const deprivation: Deprivation = registered ? deprivationChoice : 'neighbourhood';
  const [funnel, setFunnel] = useState<PracticeFunnel | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [options, setOptions] = useState<FunnelOptions>(DEFAULT_FUNNEL);
  const [subIcbs, setSubIcbs] = useState<{ code: string; name: string }[]>([]);
  const neighbourhood = useNeighbourhood(queries);
  useEffect(() => {
    let live = true;
    // Without the list only England is offered; the funnel itself still works.
    loadFunnelSubIcbs(queries).then((l) => { if (live) setSubIcbs(l); }, () => undefined);
    return () => { live = false; };
  }, [queries]);
  useEffect(() => {
    let live = true;
    setError(null);
    const fail = (e: unknown) => { if (live) setError(e instanceof Error ? e : new Error(String(e))); };
    (user ? loadUserPracticeFunnel(queries, user.id, user.rate, options) : loadPracticeFunnel(queries, measure, options)).then((f) => { if (live) setFunnel(f); }, fail);
    if (user) loadUserPracticeMissing(queries, user.rate).then((codes) => { if (live) setMissing({ id: user.id, codes }); }, fail);
    return () => { live = false; };
  }, [queries, measure, user, options]);
  const title = user ? user.label : (REGISTERS.find((r) => r.id === measure) ?? REGISTERS[0]).short;
  const gone = user && missing?.id === user.id ? missing.codes : [];
  const ready = funnel?.measureId === measure && funnel.options === options ? funnel : null;
  const against = options.sicbl ? (subIcbs.find((x) => x.code === options.sicbl)?.name ?? options.sicbl) : 'England';
  const outliers = ready ? ready.points.filter((p) => Math.abs(p.position) === 2).sort((a, b) => b.denominator - a.denominator) : [];
  const chosen = ready?.points.find((p) => p.code === picked) ?? null;
  return (
    <div className="practices-panel" data-testid="practices-panel">
      <p className="hint">GP practices of QOF 2022-23. Registers are recorded prevalence: context, not better or worse (they reflect case-finding and coding as well as disease).</p>
      <Select label="Register or your practice data (share of a list)" value={measure} testId="funnel-measure" onChange={onMeasure}
        options={[...REGISTERS.map((r) => ({ value: r.id, label: r.short })), ...userMeasures.map((u) => ({ value: u.id, label: u.label }))]} />
      {user && <p className="hint" data-testid="funnel-user-note">{`${user.label}: your file's numerator over its denominator for each of its practices in QOF 2022-23. "England" here is your file's practices summed, not the whole country; a PCN sums its practices' numerators and denominators. On the map, practices keep their QOF register colours.`}</p>}
      {user && gone.length > 0 && <p className="hint" data-testid="funnel-user-missing">{`${gone.length} practice${gone.length === 1 ? '' : 's'} of ${user.file} ${gone.length === 1 ? 'is' : 'are'} not in QOF 2022-23 (closed or merged) and ${gone.length === 1 ? 'is' : 'are'} left out of the funnel: ${gone.slice(0, 10).join(', ')}${gone.length > 10 ? ', …' : ''}.`}</p>}
      <Select label="Compare with" value={options.sicbl ?? ''} testId="funnel-comparator" onChange={(v) => setOptions({ ...options, sicbl: v || null })}
        options={[{ value: '', label: 'England (all practices)' }, ...subIcbs.map((x) => ({ value: x.code, label: x.name }))]} />
      <Select label="Control limits" value={options.limits} testId="funnel-limits" onChange={(v) => setOptions({ ...options, limits: v === 'overdispersed' ? 'overdispersed' : 'exact' })}
        options={[{ value: 'exact', label: 'Exact binomial (chance only)' }, { value: 'overdispersed', label: 'Allowing for overdispersion (random effects)' }]} />
      {registered && <Select label="Deprivation beside each practice" value={deprivation} testId="practice-deprivation" onChange={(v) => setDeprivation(v === 'neighbourhood' ? 'neighbourhood' : 'registered')}
        options={[{ value: 'registered', label: `Where its registered patients live (${registered.report.file})` }, { value: 'neighbourhood', label: 'Its neighbourhood (10 nearest LSOAs, approximate)' }]} />}
      {error && <p className="notice-inline" role="alert">The funnel plot could not be computed: {error.message}. Try another register, or reload the page.</p>}
      {!ready && !error && <p className="hint" role="status">Computing the funnel plot…</p>}
      {ready && (
        <>
          <FunnelPlot title={`${title}: ${ready.points.length.toLocaleString('en-GB')} practices against ${user && against === 'England' ? "England (your file's practices)" : against} (${pct(ready.target)})`}
            points={ready.points} curve={ready.curve} target={ready.target} format={pct} xLabel="practice list" onPick={onPick} />
          {options.limits === 'exact'
            ? <p className="hint" data-testid="funnel-method">Limits: exact binomial around {against === 'England' ? "England's" : `${against}'s`} value (Spiegelhalter's interpolation), 95 % and 99.8 %. With many practices, some lie outside the 95 % limits by chance alone (about 1 in 20); the 99.8 % limits are the ones to act on. Large lists make even small differences significant.</p>
            : <p className="hint" data-testid="funnel-method">{`Limits allow for overdispersion: Spiegelhalter's (2005) additive random effects, with z-scores winsorised at the 10th and 90th percentiles (φ = ${ready.dispersion.phi.toFixed(1)}, τ = ${(100 * Math.sqrt(ready.dispersion.tau2)).toFixed(2)} percentage points between practices), normal limits at 95 % and 99.8 % around ${against === 'England' ? "England's" : `${against}'s`} value. They ask whether a practice is unusual beyond the usual spread between practices, not beyond chance alone.`}</p>}
          {chosen && <p data-testid="funnel-picked"><strong>{chosen.name}</strong> ({chosen.code}{chosen.pcn ? `, ${chosen.pcn}` : ''}): {pct(chosen.value)}, {chosen.numerator.toLocaleString('en-GB')} of {chosen.denominator.toLocaleString('en-GB')} patients; {positionWords(chosen.position)}. {registered && deprivation === 'registered'
            ? <span data-testid="funnel-picked-registered">Weighted by where its registered patients live (from {registered.report.file}): {regWords(registered, chosen.code)}.</span>
            : <>Neighbourhood (approximate, the 10 LSOAs nearest the practice): {neighbourhood ? nbhdWords(neighbourhood.get(chosen.code)) : '…'}.</>}</p>}
          {chosen && registered && <PickedRegistered registered={registered} code={chosen.code} />}
          {ready.left.length > 0 && <p className="hint">{ready.left.length} practice{ready.left.length === 1 ? '' : 's'} left out: no list, or a register larger than its list ({ready.left.slice(0, 3).map((r) => r.code).join(', ')}).</p>}
          {options.limits === 'exact' && outliers.length > 0.01 * ready.points.length && (
            <p className="notice-inline" data-testid="funnel-overdispersion">{`${Math.round((100 * outliers.length) / ready.points.length)} % of practices lie outside the 99.8 % limits, where chance alone would put 0.2 %: practices differ far more than sampling variation (list age, deprivation, case-finding and coding). These limits show chance variation only; they are not adjusted for that overdispersion, so being outside them is a reason to look, not a verdict.`}</p>
          )}
          <h3 id="funnel-outliers-title">Outside the 99.8 % limits: {outliers.length.toLocaleString('en-GB')} practices</h3>
          <div className="funnel-outliers" tabIndex={0} role="region" aria-labelledby="funnel-outliers-title">
            <table data-testid="funnel-outliers">
              <caption className="visually-hidden">Practices outside the 99.8 % limits, largest lists first{outliers.length > SHOWN ? ` (first ${SHOWN})` : ''}</caption>
              <thead><tr><th scope="col">Practice</th><th scope="col">Code</th><th scope="col" className="num">Share</th><th scope="col" className="num">List</th><th scope="col">Against {against}</th><th scope="col" className="num">{deprivation === 'registered' ? "IMD 2025 score where its registered patients live" : 'Neighbourhood IMD 2025 score (approximate)'}</th></tr></thead>
              <tbody>
                {outliers.slice(0, SHOWN).map((o) => (
                  <tr key={o.code}><th scope="row"><button type="button" className="link-button" onClick={() => onPick(o.code)}>{o.name}</button></th><td>{o.code}</td><td className="num">{pct(o.value)}</td><td className="num">{o.denominator.toLocaleString('en-GB')}</td><td>{o.position > 0 ? 'above' : 'below'}</td><td className="num">{registered && deprivation === 'registered' ? (registered.byPractice.get(o.code)?.score?.toFixed(1) ?? '–') : neighbourhood ? (neighbourhood.get(o.code)?.score?.toFixed(1) ?? '–') : '…'}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          {user && <UserPcnTable queries={queries} measure={user} />}
          {registered && deprivation === 'registered' && <p className="hint">IMD 2025 score where its registered patients live: the LSOA scores weighted by the practice&apos;s registered patients living in each, from {registered.report.file} (patients in LSOAs that are not 2021 LSOAs left out); higher = more deprived. – : the practice is not in that file.</p>}
          <p className="hint">Neighbourhood IMD 2025 score: Census 2021 residents of the 10 LSOAs nearest the practice (within 15 km), weighted; higher = more deprived. Approximate: a practice's patients do not live only next to it.</p>
          {outliers.length > SHOWN && <p className="hint">The {SHOWN} with the largest lists are shown; <code>npm run -s atlas -- export --level practice</code> gives every practice with its numerator and denominator.</p>}
        </>
      )}
      <PracticeFindSection queries={queries} user={userMeasures} find={find.spec} focus={find.focus} focusName={find.focusName} onFind={find.onChange} onShortlist={find.onShortlist} onPick={onPick} />
    </div>
  );
}
