/// <reference lib="webworker" />
/** Evaluation worker entry: one evaluation per message (see evaluation-job.ts, evaluation-client.ts). */
import { runEvaluationJob } from './evaluation-job';
import type { EvaluationJob } from './evaluation-messages';

self.onmessage = (e: MessageEvent<EvaluationJob>) => {
  runEvaluationJob(e.data, (reply) => (self as DedicatedWorkerGlobalScope).postMessage(reply));
};
