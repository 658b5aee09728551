/**
 * The Hotspots tab: what to test and how, the run's progress (with Cancel), how many areas each
 * multiple-testing choice flags, warnings to read first, and the files to take away.
 */
import type { ReactNode } from 'react';
import { HOTSPOT_STATS, type HotspotStat } from '../../analysis/stats/hotspot-request';
import { MAX_PERMUTATIONS, MIN_PERMUTATIONS } from '../../analysis/stats/permutation-engine';
import type { LevelId } from '../../geo/levels';
import type { HotspotSpec } from '../../state/hotspot-spec';
import { NumberField } from '../../ui/NumberField';
import { RunProgress } from '../../ui/RunProgress';
import { Select } from '../../ui/Select';
import { HelpTip } from '../../ui/help/HelpTip';
import { SignificanceCounts, type SignificanceCountsModel } from '../../ui/SignificanceCounts';
import type { HotspotVariableSource } from './hotspot-variables';
import { CORRECTION_LABELS, STAT_LABELS } from './hotspot-views';
import type { RunPhase } from './use-hotspot-run';
import { VariablePicker } from './VariablePicker';
import { WeightsFieldset, type WeightsFieldsetProps } from './WeightsFieldset';

export interface HotspotPanelProps {
  spec: HotspotSpec;
  onSpec(patch: Partial<HotspotSpec>): void;
  active: boolean;
  onShow(): void;
  level: LevelId;
  registered: HotspotVariableSource[];
  run: { phase: RunPhase; label: string | null; fraction: number | null; error: Error | null; onCancel(): void; onRerun(): void };
  warnings: string[];
  significance: SignificanceCountsModel | null;
  weights: Omit<WeightsFieldsetProps, 'value' | 'onChange'>;
  onDownloadResults: (() => void) | null;
  /** The ranked list of places with hot spots (once a run is on the map). */
  places?: ReactNode;
}

const STAT_HINTS: Record<HotspotStat, string> = {
  gistar: 'Hot and cold spots: is the area together with its neighbours higher (or lower) than chance would give?',
  gi: 'Like Gi*, but the area itself is left out of its neighbourhood.',
  lisa: 'Clusters (High–High, Low–Low) and outliers (High–Low, Low–High) of one variable.',
  bilisa: 'Does the value here go with high or low values of a second variable around it (e.g. smoking here vs cancer incidence nearby)?',
};

const PERMUTATION_CHOICES = [99, 199, 499, 999, 4999, 9999, 49999, 99999];
const ALPHAS = [0.1, 0.05, 0.01, 0.001];

export function HotspotPanel(p: HotspotPanelProps) {
  const s = p.spec;
  const bivariate = s.stat === 'bilisa';
  const perms = PERMUTATION_CHOICES.includes(s.permutations) ? PERMUTATION_CHOICES : [...PERMUTATION_CHOICES, s.permutations].sort((a, b) => a - b);
  const alphas = ALPHAS.includes(s.alpha) ? ALPHAS : [...ALPHAS, s.alpha].sort((a, b) => b - a);
  return (
    <div className="hotspot-panel" data-testid="hotspot-panel">
      {!p.active && <button type="button" className="primary-button" onClick={p.onShow} data-testid="show-hotspots">Show hotspots on the map</button>}
      <HelpTip topic="hotspots" />
      <Select label="Statistic" value={s.stat} testId="hotspot-stat" hint={STAT_HINTS[s.stat]}
        options={HOTSPOT_STATS.map((v) => ({ value: v, label: STAT_LABELS[v] }))} onChange={(v) => p.onSpec({ stat: v as HotspotStat })} />
      <HelpTip topic={s.stat} />
      <VariablePicker label={bivariate ? 'Variable at each area (x)' : 'Variable tested'} value={s.x} level={p.level} registered={p.registered}
        testId="hotspot-x" onChange={(x) => p.onSpec({ x })} />
      {bivariate && (
        <VariablePicker label="Variable around each area (y, spatially lagged)" value={s.y} level={p.level} registered={p.registered}
          testId="hotspot-y" onChange={(y) => p.onSpec({ y })} hint="Compared with the weighted average of this variable over each area's neighbours." />
      )}
      {p.warnings.map((w) => <p key={w} className="notice-inline" role="note">{w}</p>)}
      <WeightsFieldset value={s.weights} onChange={(w) => p.onSpec({ weights: { ...s.weights, ...w } })} {...p.weights} />
      <fieldset className="hotspot-fieldset">
        <legend>Significance</legend>
        <Select label="Permutations" value={String(s.permutations)} testId="hotspot-permutations"
          hint={`Smallest possible pseudo p-value: 1/${(s.permutations + 1).toLocaleString('en-GB')}.`}
          options={perms.map((n) => ({ value: String(n), label: n.toLocaleString('en-GB') }))} onChange={(v) => p.onSpec({ permutations: Number(v) })} />
        <HelpTip topic="permutations" />
        <NumberField label="Random seed" value={s.seed} testId="hotspot-seed" hint="The same seed gives the same map, on any computer."
          check={(v) => (Number.isInteger(v) && v >= 0 && v <= 4294967295 ? null : 'Enter a whole number from 0 to 4,294,967,295.')}
          onCommit={(v) => p.onSpec({ seed: v! })} />
        <Select label="Multiple-testing correction" value={s.correction} testId="hotspot-correction"
          options={(['fdr', 'bonferroni', 'none'] as const).map((c) => ({ value: c, label: CORRECTION_LABELS[c] }))} onChange={(v) => p.onSpec({ correction: v as HotspotSpec['correction'] })} />
        <HelpTip topic="correction" />
        <Select label="Significance level (α)" value={String(s.alpha)} testId="hotspot-alpha"
          options={alphas.map((a) => ({ value: String(a), label: `${a} (${+(100 * (1 - a)).toFixed(1)} % confidence)` }))} onChange={(v) => p.onSpec({ alpha: Number(v) })} />
        <HelpTip topic="alpha" />
      </fieldset>
      <RunState {...p.run} />
      {p.significance && <SignificanceCounts model={p.significance} />}
      {p.places}
      {p.onDownloadResults && <div className="button-row"><button type="button" onClick={p.onDownloadResults} data-testid="hotspot-download">Download results (CSV)</button></div>}
      <p className="hint">Permutation range: {MIN_PERMUTATIONS} to {MAX_PERMUTATIONS.toLocaleString('en-GB')}. Everything is computed in this browser.</p>
    </div>
  );
}

function RunState(r: HotspotPanelProps['run']) {
  if (r.label && (r.phase === 'loading' || r.phase === 'weights' || r.phase === 'computing')) {
    return <RunProgress label={r.label} fraction={r.phase === 'computing' ? r.fraction : null} onCancel={r.onCancel} />;
  }
  if (r.phase === 'cancelled') {
    return (
      <div className="run-state" role="status" data-testid="run-cancelled">
        <p>Cancelled. The map shows what it showed before.</p>
        <button type="button" onClick={r.onRerun}>Run again</button>
      </div>
    );
  }
  if (r.phase === 'error' && r.error) {
    return (
      <div className="run-state" role="alert" data-testid="run-error">
        <p>{r.error.message}</p>
        <button type="button" onClick={r.onRerun}>Try again</button>
      </div>
    );
  }
  return null;
}
