/** Messages between the app and the class-breaks worker (natural breaks are too slow for a frame). */
import type { BreakSpec } from '../analysis/combine/class-breaks';

export interface ClassBreaksRequest {
  id: number;
  values: Float64Array;
  region: Uint8Array | null;
  spec: BreakSpec;
}

export type ClassBreaksReply = { id: number; type: 'done'; breaks: number[] } | { id: number; type: 'error'; message: string };
