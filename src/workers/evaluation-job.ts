/**
 * What the evaluation worker does with one job, apart from the worker entry so it runs (and is
 * tested) in node: run the evaluation, posting progress at most every 1 % and the result.
 */
import { runEvaluation } from '../analysis/evaluation/run-evaluation';
import type { EvaluationJob, EvaluationReply } from './evaluation-messages';

export type EvaluationPost = (reply: EvaluationReply) => void;

export function runEvaluationJob(job: EvaluationJob, post: EvaluationPost): void {
  let last = -1;
  try {
    const result = runEvaluation(job.input, (fraction, stage) => {
      if (fraction - last < 0.01 && fraction < 1) return;
      last = fraction;
      post({ type: 'progress', job: job.job, fraction, stage });
    });
    post({ type: 'done', job: job.job, result });
  } catch (e) {
    post({ type: 'error', job: job.job, message: (e as Error).message });
  }
}
