/**
 * The evaluation's files and brief: the per-area panel CSV, the estimates as JSON or CSV (the same
 * JSON the headless command writes) and the printable brief (rendered, then the print dialog).
 */
import { useEffect, useMemo, useState } from 'react';
import { buildEvaluationBrief, type EvaluationBrief } from '../../export/evaluation-brief';
import { estimatesCsv, estimatesJson, panelCsv } from '../../export/evaluation-files';
import { downloadBlob } from '../../export/download';
import { exportBaseName } from '../../export/file-name';
import type { EvaluateSpec } from '../../state/evaluate-spec';
import type { EvaluationExport } from '../../ui/EvaluationResults';
import type { AtlasContext } from '../atlas-context';
import { viewStore } from '../view-store';
import { describeEvaluation } from './evaluation-description';
import type { ResolvedOutcome } from './evaluate-sources';
import type { EvaluationRun } from './use-evaluation-run';

export function useEvaluateExports(ctx: AtlasContext, outcome: ResolvedOutcome | null, run: EvaluationRun | null, spec: EvaluateSpec) {
  const [status, setStatus] = useState('');
  const [printBrief, setPrintBrief] = useState<EvaluationBrief | null>(null);
  const level = run?.level ?? ctx.state.level;
  // The description of the run on screen: its own settings, not the ones being edited.
  const describe = (now: string) => {
    if (!run || !outcome) return null;
    const treated = run.plan.shortlistCodes;
    const intervention = treated
      ? `the shortlist${ctx.state.shortlist.title ? ` "${ctx.state.shortlist.title}"` : ''} (${treated.length.toLocaleString('en-GB')} areas)`
      : `areas where the loaded column "${run.plan.spec.intervention.ref?.label ?? ''}" (${run.plan.spec.intervention.ref?.file ?? ''}) is above 0`;
    return describeEvaluation({ spec: run.plan.spec, level, outcome: run.plan.outcome, run, intervention, shareUrl: viewStore.shareUrl(), now });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const screenBrief = useMemo(() => (run && outcome ? buildEvaluationBrief(describe(new Date().toISOString())!, run.result) : null), [run, outcome, spec]);

  const runExport = (kind: EvaluationExport) => {
    const now = new Date().toISOString();
    const d = describe(now);
    if (!d || !run) return setStatus('Run the evaluation first.');
    const base = exportBaseName(d.title, now);
    try {
      if (kind === 'brief') {
        setPrintBrief(buildEvaluationBrief(d, run.result));
        return;
      }
      const name = kind === 'panel-csv' ? `${base}-panel.csv` : kind === 'estimates-csv' ? `${base}-estimates.csv` : `${base}-estimates.json`;
      const f = ctx.frame?.level === run.level ? ctx.frame : null;
      const nameOf = (code: string) => (f ? f.areas.names[f.areas.indexOf.get(code) ?? -1] : undefined) ?? ctx.nameOf(code);
      const text = kind === 'panel-csv' ? panelCsv(run.panel, run.result, nameOf)
        : kind === 'estimates-csv' ? estimatesCsv(d, run.result) : estimatesJson(d, run.result, run.panel);
      downloadBlob(new Blob([text], { type: kind === 'estimates-json' ? 'application/json' : 'text/csv;charset=utf-8' }), name);
      setStatus(`Saved ${name}.`);
    } catch (e) {
      console.error(e);
      setStatus(`The export failed: ${(e as Error).message}`);
    }
  };

  // The brief is rendered (hidden on screen), then the print dialog opens on it; only it prints.
  useEffect(() => {
    if (!printBrief) return;
    document.body.dataset.printing = 'evaluation';
    const t = setTimeout(() => {
      window.print();
      setStatus('The brief was sent to the print dialog; choose "Save as PDF" there for a PDF.');
    }, 50);
    const done = () => {
      delete document.body.dataset.printing;
    };
    window.addEventListener('afterprint', done, { once: true });
    return () => {
      clearTimeout(t);
      window.removeEventListener('afterprint', done);
    };
  }, [printBrief]);

  return { screenBrief, run: runExport, status, printBrief };
}
