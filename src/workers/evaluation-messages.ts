/**
 * The one message map between the app's evaluation client (evaluation-client.ts) and its worker
 * (evaluation.worker.ts). The input and the result are plain data with typed arrays, sent by
 * structured clone (the caller keeps its panel to draw the map and the tables). Cancelling
 * terminates the worker: an evaluation is one synchronous computation that cannot read messages.
 */
import type { EvaluationInput, EvaluationResult } from '../analysis/evaluation/run-evaluation';

/** App → worker. */
export interface EvaluationJob {
  type: 'run';
  job: number;
  input: EvaluationInput;
}

/** Worker → app. */
export type EvaluationReply =
  | { type: 'progress'; job: number; fraction: number; stage: string }
  | { type: 'done'; job: number; result: EvaluationResult }
  | { type: 'error'; job: number; message: string };
