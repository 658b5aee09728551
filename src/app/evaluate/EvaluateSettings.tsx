/**
 * The Evaluate tab's settings: intervention areas, outcome (rate, or count over a denominator),
 * baseline and follow-up windows, how comparison areas are chosen, and the interval. Every choice
 * goes straight into the view state (so the share link carries it); nothing here computes.
 */
import { useId } from 'react';
import { LEVELS, type LevelId } from '../../geo/levels';
import { EVALUATE_COVARIATES, EXACT_REGIONS, MAX_CALIPER, MAX_RATIO, MAX_REPLICATES, MIN_REPLICATES, type ColumnRef, type EvaluateCovariate, type EvaluateSpec, type ExactRegion } from '../../state/evaluate-spec';
import { columnRef } from './evaluate-sources';
import { NumberField } from '../../ui/NumberField';
import { Select } from '../../ui/Select';
import type { OutcomeChoice, ResolvedOutcome } from './evaluate-sources';

export interface EvaluateSettingsProps {
  spec: EvaluateSpec;
  onSpec(patch: Partial<EvaluateSpec>): void;
  level: LevelId;
  shortlist: { count: number; level: LevelId };
  onUseShortlistLevel(): void;
  outcomes: OutcomeChoice[];
  flags: { id: string; label: string; ref: ColumnRef }[];
  resolved: ResolvedOutcome | null;
  /** The flag column in use (found by id, or by name after a file was loaded again). */
  flagColumn: string | null;
  /** Region columns the level's areas lie in (for exact matching). */
  regions: ExactRegion[];
  picking: boolean;
  onPicking(on: boolean): void;
}

const COVARIATE_LABELS: Record<EvaluateCovariate, string> = {
  baseline: 'Outcome in the baseline (mean)', imd: 'Deprivation (IMD 2025 score)', smoking: 'Adult smoking (APS, latest year; council value)', population: 'Residents (Census 2021)',
};
const REGION_LABELS: Record<ExactRegion, string> = { none: 'Anywhere in England', icb24: 'Same ICB', cal19: 'Same Cancer Alliance (2019)', lad24: 'Same local authority' };
const MULTIPLIERS = [100, 1000, 10_000, 100_000];

export function EvaluateSettings(p: EvaluateSettingsProps) {
  const id = useId();
  const s = p.spec;
  const c = s.comparison;
  const noun = LEVELS[p.level].noun;
  const setComparison = (patch: Partial<EvaluateSpec['comparison']>) => p.onSpec({ comparison: { ...c, ...patch } });
  const outcome = p.resolved?.choice;
  const periods = outcome?.periods ?? [];
  const periodOptions = periods.map((v) => ({ value: v, label: v }));
  const win = (which: 'baseline' | 'followup', k: 0 | 1, v: string) => {
    const cur = p.resolved?.[which] ?? [periods[0], periods[0]];
    const next: [string, string] = k === 0 ? [v, cur[1]] : [cur[0], v];
    p.onSpec({ [which]: next, ...(which === 'baseline' ? { followup: p.resolved?.followup ?? null } : { baseline: p.resolved?.baseline ?? null }) });
  };
  return (
    <div className="evaluate-settings">
      <fieldset>
        <legend>Intervention areas</legend>
        <label><input type="radio" name={`${id}-iv`} checked={s.intervention.source === 'shortlist'} onChange={() => p.onSpec({ intervention: { ...s.intervention, source: 'shortlist' } })} data-testid="ev-from-shortlist" />
          {' '}The shortlist ({p.shortlist.count.toLocaleString('en-GB')} {p.shortlist.count === 1 ? 'area' : 'areas'})</label>
        <label><input type="radio" name={`${id}-iv`} checked={s.intervention.source === 'column'} onChange={() => p.onSpec({ intervention: { ...s.intervention, source: 'column' } })} data-testid="ev-from-column" />
          {' '}Areas flagged in a loaded column (value above 0)</label>
        {s.intervention.source === 'shortlist' && p.shortlist.count > 0 && p.shortlist.level !== p.level && (
          <p className="notice-inline" role="note">The shortlist holds {LEVELS[p.shortlist.level].label} areas and the map shows {LEVELS[p.level].label} areas; the evaluation runs at the map’s level.
            {' '}<button type="button" onClick={p.onUseShortlistLevel} data-testid="ev-use-shortlist-level">Show {LEVELS[p.shortlist.level].label} areas</button></p>
        )}
        {s.intervention.source === 'column' && (
          <Select label="Column" value={p.flagColumn ?? ''} testId="ev-flag-column"
            options={[{ value: '', label: p.flags.length ? 'Choose a column…' : 'No file loaded under "Your data"' }, ...p.flags.map((f) => ({ value: f.id, label: f.label }))]}
            onChange={(v) => p.onSpec({ intervention: { source: 'column', column: v || null, ref: p.flags.find((f) => f.id === v)?.ref ?? null } })} />
        )}
        <label className="check"><input type="checkbox" checked={s.chosenOnOutcome} onChange={(e) => p.onSpec({ chosenOnOutcome: e.target.checked })} data-testid="ev-chosen-on-outcome" />
          {' '}These areas were chosen using this outcome (e.g. the worst rates)</label>
      </fieldset>

      <fieldset>
        <legend>Outcome</legend>
        {p.outcomes.length === 0
          ? <p className="hint" data-testid="ev-no-outcome">Load a file with a period column under “Your data” (for example: area code, quarter, referrals, residents). Rows with the same area and period become one value per period.</p>
          : <Select label="Measure (from Your data, with periods)" value={outcome?.indicator.id ?? ''} testId="ev-outcome"
              options={[{ value: '', label: 'Choose a measure…' }, ...p.outcomes.map((o) => ({ value: o.indicator.id, label: `${o.indicator.short} (${o.indicator.source.dataset})` }))]}
              onChange={(v) => {
                const o = p.outcomes.find((x) => x.indicator.id === v);
                p.onSpec({ outcome: { ...s.outcome, indicator: o?.indicator.id ?? null, denominator: null, ref: o ? { ...columnRef(o.indicator), denominator: null } : null }, baseline: null, followup: null });
              }} />}
        {outcome && (
          <>
            <Select label="Measured as" value={p.resolved?.denominator?.id ?? ''} testId="ev-denominator"
              hint={p.resolved?.denominator ? 'Rate = sum of counts ÷ sum of the denominator, per area and period.' : 'The values as loaded (a rate or a count per period).'}
              options={[{ value: '', label: `${outcome.indicator.short}, as loaded` }, ...outcome.siblings.map((d) => ({ value: d.id, label: `${outcome.indicator.short} per ${d.short}` }))]}
              onChange={(v) => {
                const d = outcome.siblings.find((x) => x.id === v);
                p.onSpec({ outcome: { ...s.outcome, indicator: outcome.indicator.id, denominator: d?.id ?? null, ref: { ...columnRef(outcome.indicator), denominator: d?.short ?? null } } });
              }} />
            {p.resolved?.denominator && (
              <Select label="Per" value={String(s.outcome.multiplier)} testId="ev-multiplier" options={MULTIPLIERS.map((m) => ({ value: String(m), label: m.toLocaleString('en-GB') }))}
                onChange={(v) => p.onSpec({ outcome: { ...s.outcome, multiplier: Number(v) } })} />
            )}
            {p.resolved?.levelNote && <p className="hint" data-testid="ev-level-note">{p.resolved.levelNote}</p>}
            {outcome.indicator.publishedGeography?.includes('GP practice') && (
              <p className="notice-inline" role="note">GP practice values are placed in the LSOA where each practice is and {s.outcome.denominator ? 'summed' : 'combined'} to {LEVELS[p.level].label} areas: they describe the practices’ patients, who may live elsewhere.</p>
            )}
          </>
        )}
      </fieldset>

      {outcome && periods.length > 1 && (
        <fieldset className="ev-windows">
          <legend>Windows</legend>
          <div className="ev-row">
            <Select label="Baseline from" value={p.resolved!.baseline[0]} options={periodOptions} onChange={(v) => win('baseline', 0, v)} testId="ev-baseline-from" />
            <Select label="to" value={p.resolved!.baseline[1]} options={periodOptions} onChange={(v) => win('baseline', 1, v)} testId="ev-baseline-to" />
          </div>
          <div className="ev-row">
            <Select label="Follow-up from" value={p.resolved!.followup[0]} options={periodOptions} onChange={(v) => win('followup', 0, v)} testId="ev-followup-from" />
            <Select label="to" value={p.resolved!.followup[1]} options={periodOptions} onChange={(v) => win('followup', 1, v)} testId="ev-followup-to" />
          </div>
          <p className="hint">Periods between the windows (while the programme started) are left out of the estimate and shown in the chart.</p>
        </fieldset>
      )}

      <fieldset>
        <legend>Comparison areas</legend>
        <Select label="Chosen by" value={c.method} testId="ev-method"
          options={[{ value: 'nearest', label: `Matching: the most similar ${noun}s` }, { value: 'all', label: `All other ${noun}s with data` }, { value: 'manual', label: `${noun[0].toUpperCase()}${noun.slice(1)}s I pick on the map` }]}
          onChange={(v) => setComparison({ method: v as EvaluateSpec['comparison']['method'] })} />
        {c.method === 'nearest' && (
          <>
            <div role="group" aria-label="Match on">
              <p className="field-label">Match on</p>
              {EVALUATE_COVARIATES.map((k) => (
                <label key={k} className="check"><input type="checkbox" checked={c.covariates.includes(k)} data-testid={`ev-cov-${k}`}
                  onChange={(e) => setComparison({ covariates: EVALUATE_COVARIATES.filter((x) => (x === k ? e.target.checked : c.covariates.includes(x))) })} /> {COVARIATE_LABELS[k]}</label>
              ))}
            </div>
            <Select label="Where" value={c.exact} testId="ev-exact" options={EXACT_REGIONS.filter((r) => r === 'none' || p.regions.includes(r)).map((r) => ({ value: r, label: REGION_LABELS[r] }))}
              onChange={(v) => setComparison({ exact: v as ExactRegion })} />
            <div className="ev-row">
              <Select label="Per intervention area" value={String(c.ratio)} testId="ev-ratio" options={Array.from({ length: MAX_RATIO }, (_, i) => ({ value: String(i + 1), label: `${i + 1}` }))}
                onChange={(v) => setComparison({ ratio: Number(v) })} />
              <NumberField label="Caliper (SD)" value={c.caliper} allowEmpty placeholder="none" testId="ev-caliper" hint="Largest difference allowed on each covariate, in standard deviations; empty for none."
                check={(v) => (v > 0 && v <= MAX_CALIPER ? null : `Between 0 and ${MAX_CALIPER}.`)} onCommit={(v) => setComparison({ caliper: v })} />
            </div>
            <label className="check"><input type="checkbox" checked={c.replace} onChange={(e) => setComparison({ replace: e.target.checked })} data-testid="ev-replace" /> A comparison area may serve several intervention areas</label>
            <Select label="Distance" value={c.distance} testId="ev-distance" options={[{ value: 'scaled-euclidean', label: 'Standardised differences (scaled Euclidean)' }, { value: 'mahalanobis', label: 'Mahalanobis (allows for correlated covariates)' }]}
              onChange={(v) => setComparison({ distance: v as EvaluateSpec['comparison']['distance'] })} />
          </>
        )}
        {c.method === 'manual' && (
          <>
            <p className="hint">{c.areas.length.toLocaleString('en-GB')} picked. {p.picking ? `Click ${noun}s on the map to add or remove them.` : ''}</p>
            <div className="button-row">
              <button type="button" aria-pressed={p.picking} onClick={() => p.onPicking(!p.picking)} data-testid="ev-pick">{p.picking ? 'Stop picking' : 'Pick on the map'}</button>
              {c.areas.length > 0 && <button type="button" onClick={() => setComparison({ areas: [] })}>Clear</button>}
            </div>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>Interval and weights</legend>
        <Select label="95 % interval" value={s.interval} testId="ev-interval"
          options={[{ value: 'cluster', label: 'Standard errors clustered by area' }, { value: 'bootstrap', label: 'Cluster bootstrap over areas (seeded)' }]}
          onChange={(v) => p.onSpec({ interval: v as EvaluateSpec['interval'] })} />
        {s.interval === 'bootstrap' && (
          <div className="ev-row">
            <NumberField label="Replicates" value={s.replicates} testId="ev-replicates" check={(v) => (Number.isInteger(v) && v >= MIN_REPLICATES && v <= MAX_REPLICATES ? null : `A whole number from ${MIN_REPLICATES} to ${MAX_REPLICATES}.`)} onCommit={(v) => v !== null && p.onSpec({ replicates: v })} />
            <NumberField label="Seed" value={s.seed} testId="ev-seed" check={(v) => (Number.isInteger(v) && v >= 0 && v <= 4294967295 ? null : 'A whole number from 0 to 4294967295.')} onCommit={(v) => v !== null && p.onSpec({ seed: v })} />
          </div>
        )}
        <label className="check"><input type="checkbox" checked={s.populationWeights} onChange={(e) => p.onSpec({ populationWeights: e.target.checked })} data-testid="ev-population-weights" />
          {' '}Weight areas by residents (the result then describes residents, not areas)</label>
      </fieldset>
    </div>
  );
}
