/**
 * The Evaluate tab: what the method does (and does not), the settings, what is still missing, the
 * run's progress with Cancel, and the results with their exports. State lives in the feature hook.
 */
import { createPortal } from 'react-dom';
import type { EvaluationBrief } from '../../export/evaluation-brief';
import type { LevelId } from '../../geo/levels';
import type { ColumnRef, EvaluateSpec, ExactRegion } from '../../state/evaluate-spec';
import { EvaluationBriefView } from '../../ui/EvaluationBriefView';
import { EvaluationResults, type EvaluationExport } from '../../ui/EvaluationResults';
import { RunProgress } from '../../ui/RunProgress';
import type { OutcomeChoice, ResolvedOutcome } from './evaluate-sources';
import { EvaluateSettings } from './EvaluateSettings';
import type { EvaluationStatus } from './use-evaluation-run';
import { HelpTip } from '../../ui/help/HelpTip';

export interface EvaluatePanelProps {
  spec: EvaluateSpec;
  onSpec(patch: Partial<EvaluateSpec>): void;
  level: LevelId;
  active: boolean;
  onShow(): void;
  shortlist: { count: number; level: LevelId };
  onUseShortlistLevel(): void;
  outcomes: OutcomeChoice[];
  flags: { id: string; label: string; ref: ColumnRef }[];
  flagColumn: string | null;
  resolved: ResolvedOutcome | null;
  regions: ExactRegion[];
  picking: boolean;
  onPicking(on: boolean): void;
  problems: string[];
  status: EvaluationStatus;
  /** The result on screen belongs to the current settings. */
  current: boolean;
  brief: EvaluationBrief | null;
  onExport(kind: EvaluationExport): void;
  exportStatus: string;
  printBrief: EvaluationBrief | null;
}

export function EvaluatePanel(p: EvaluatePanelProps) {
  const st = p.status;
  const running = st.phase === 'loading' || st.phase === 'computing';
  return (
    <div className="evaluate-panel" data-testid="evaluate-panel" data-phase={st.phase}>
      <p className="hint">
        Did the programme’s areas change more than similar areas that did not have it? A difference-in-differences
        with comparison areas matched on what was measured before. It shows a difference under stated assumptions, not proof of cause.
      </p>
      <HelpTip topic="evaluation" />
      {!p.active && <button type="button" className="primary-button" onClick={p.onShow} data-testid="ev-show">Show the evaluation on the map</button>}
      <EvaluateSettings spec={p.spec} onSpec={p.onSpec} level={p.level} shortlist={p.shortlist} onUseShortlistLevel={p.onUseShortlistLevel}
        outcomes={p.outcomes} flags={p.flags} flagColumn={p.flagColumn} resolved={p.resolved} regions={p.regions} picking={p.picking} onPicking={p.onPicking} />
      {p.problems.length > 0 && (
        <ul className="ev-problems" data-testid="ev-problems">{p.problems.map((x) => <li key={x}>{x}</li>)}</ul>
      )}
      {p.active && running && <RunProgress label={st.stage || 'Evaluating'} fraction={st.phase === 'computing' ? st.fraction : null} onCancel={st.cancel} />}
      {st.phase === 'cancelled' && <p className="notice-inline" role="status">Cancelled. Change a setting to run again.</p>}
      {st.phase === 'error' && st.error && <p className="notice-inline" role="alert" data-testid="ev-error">The evaluation could not run: {st.error.message}</p>}
      {p.brief && <EvaluationResults brief={p.brief} stale={!p.current} onExport={p.onExport} status={p.exportStatus} />}
      <p className="hint" data-testid="ev-share-note">Share links carry these settings, never the data you loaded: whoever opens one needs the same file under “Your data”.</p>
      {p.printBrief && createPortal(<EvaluationBriefView brief={p.printBrief} />, document.body)}
    </div>
  );
}
