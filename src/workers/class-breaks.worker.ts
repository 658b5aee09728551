/// <reference lib="webworker" />
/** Computes class breaks (ckmeans on 33,755 values takes 100–200 ms) off the main thread. */
import { combineBreaks } from '../analysis/combine/class-breaks';
import type { ClassBreaksReply, ClassBreaksRequest } from './class-breaks-messages';

const post = (m: ClassBreaksReply) => (self as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<ClassBreaksRequest>) => {
  const { id, values, region, spec } = e.data;
  try {
    post({ id, type: 'done', breaks: combineBreaks(values, spec, region) });
  } catch (err) {
    post({ id, type: 'error', message: (err as Error).message });
  }
};
