/**
 * HTTP GET for the download path: retries with exponential backoff, an idle timeout, a time and size
 * limit per file and for the whole run (download-limits.ts), plain http:// refused unless allowed,
 * progress lines for large files, and a check that the whole body arrived. Every failure is a
 * DownloadError that names the URL, so the message says which file could not be fetched and why.
 */
import type { DownloadBudget } from './download-limits';
import { durationText, sizeText } from './text-units';

export interface HttpOptions {
  /** Tries per URL, the first included. */
  attempts: number;
  /** Wait before the first retry; doubled for each further one. */
  retryDelayMs: number;
  /** Abort a request that sends nothing for this long (a stalled connection never ends on its own). */
  idleTimeoutMs: number;
  /** Plain http:// is refused unless this is set (--allow-http, for a local mirror). */
  allowHttp: boolean;
  /** The run's limits and what it has used of them (bytes and time per file and in all). */
  budget: DownloadBudget;
  log: (line: string) => void;
}

export const DEFAULT_HTTP = { attempts: 4, retryDelayMs: 1000, idleTimeoutMs: 60_000 };

export type FailureKind = 'offline' | 'not-found' | 'http' | 'truncated' | 'timeout' | 'network' | 'invalid' | 'too-large' | 'too-slow' | 'insecure';

export class DownloadError extends Error {
  constructor(readonly url: string, readonly kind: FailureKind, readonly reason: string) {
    super(`${url}: ${reason}`);
  }
}

/** One failed attempt, and whether trying again could help. */
class AttemptFailure extends Error {
  constructor(readonly kind: FailureKind, message: string, readonly retryable: boolean) {
    super(message);
  }
}

export async function httpGet(url: string, label: string, opts: HttpOptions): Promise<Buffer> {
  refuseInsecure(url, opts);
  for (let attempt = 1; ; attempt++) {
    try {
      return await getOnce(url, label, opts);
    } catch (e) {
      if (e instanceof DownloadError) throw e;
      const f = e instanceof AttemptFailure ? e : new AttemptFailure('network', (e as Error).message, true);
      if (!f.retryable || attempt >= opts.attempts) {
        const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
        throw new DownloadError(url, f.kind, f.message + tries);
      }
      const wait = opts.retryDelayMs * 2 ** (attempt - 1);
      if (wait >= opts.budget.remainingMs()) throw new DownloadError(url, 'too-slow', `${f.message}; no time left to retry within the download's overall time limit`);
      opts.log(`  ${label}: ${f.message}; retrying in ${(wait / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${opts.attempts})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Plain http:// can be read and altered on the way: only for a mirror the user names and allows. */
function refuseInsecure(url: string, opts: HttpOptions) {
  if (new URL(url).protocol === 'http:' && !opts.allowHttp) {
    throw new DownloadError(url, 'insecure', 'plain http:// is refused (the data could be altered on the way)');
  }
}

async function getOnce(url: string, label: string, opts: HttpOptions): Promise<Buffer> {
  const { limits } = opts.budget;
  const ctrl = new AbortController();
  // Why the request was aborted, for the message: no data for a while, or too long overall.
  let stopped: 'idle' | 'file' | 'run' | null = null;
  const abort = (why: typeof stopped) => () => {
    stopped = why;
    ctrl.abort();
  };
  let idle = setTimeout(abort('idle'), opts.idleTimeoutMs);
  const runLeft = opts.budget.remainingMs();
  const deadline = setTimeout(abort(runLeft < limits.fileTimeoutMs ? 'run' : 'file'), Math.min(limits.fileTimeoutMs, runLeft));
  const stillAlive = () => {
    clearTimeout(idle);
    idle = setTimeout(abort('idle'), opts.idleTimeoutMs);
  };
  let received = 0;
  let expected: number | undefined;
  try {
    const res = await fetch(url, { signal: ctrl.signal, headers: { 'user-agent': 'hotspot-atlas data pipeline' } });
    // A redirect may lead elsewhere: the final address must pass the same rule.
    if (res.url && res.url !== url) refuseInsecure(res.url, opts);
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      const transient = res.status >= 500 || res.status === 408 || res.status === 429;
      throw new AttemptFailure(res.status === 404 || res.status === 410 ? 'not-found' : 'http', `HTTP ${res.status} ${res.statusText}`.trim(), transient);
    }
    // With content-encoding the header counts compressed bytes, while fetch hands back decoded ones.
    const length = Number(res.headers.get('content-length'));
    if (!res.headers.get('content-encoding') && Number.isFinite(length) && length > 0) expected = length;
    if (expected !== undefined && expected > limits.maxFileBytes) {
      await res.body?.cancel().catch(() => {});
      throw tooLarge(`the server announces ${sizeText(expected)}, more than the limit of ${sizeText(limits.maxFileBytes)} per file`);
    }
    const chunks: Uint8Array[] = [];
    const progress = progressLogger(label, expected, opts.log);
    const reader = res.body?.getReader();
    for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
      stillAlive();
      chunks.push(part.value);
      received += part.value.length;
      const overRun = opts.budget.take(part.value.length);
      if (received > limits.maxFileBytes || overRun) {
        await reader!.cancel().catch(() => {});
        throw tooLarge(overRun ?? `more than the limit of ${sizeText(limits.maxFileBytes)} per file arrived`);
      }
      progress(received);
    }
    if (expected !== undefined && received !== expected) throw truncated(received, expected);
    return Buffer.concat(chunks);
  } catch (e) {
    if (e instanceof AttemptFailure || e instanceof DownloadError) throw e;
    if (stopped === 'idle') throw new AttemptFailure('timeout', `no data for ${durationText(opts.idleTimeoutMs)} (timed out)`, true);
    if (stopped === 'file') throw new AttemptFailure('too-slow', `not complete after ${durationText(limits.fileTimeoutMs)}, the time limit per file (${sizeText(received)} received): the server sends too slowly`, false);
    if (stopped === 'run') throw new AttemptFailure('too-slow', `the download as a whole passed its time limit of ${durationText(limits.totalTimeoutMs)} (${sizeText(received)} of this file received)`, false);
    // A connection closed mid-body surfaces as a generic "terminated" error from fetch.
    if (received > 0 || expected !== undefined) throw truncated(received, expected);
    throw networkFailure(url, e as Error);
  } finally {
    clearTimeout(idle);
    clearTimeout(deadline);
  }
}

const tooLarge = (why: string) => new AttemptFailure('too-large', `${why}: stopped`, false);

function truncated(received: number, expected: number | undefined): AttemptFailure {
  const of = expected !== undefined ? ` of ${sizeText(expected)}` : '';
  return new AttemptFailure('truncated', `the connection closed after ${sizeText(received)}${of}: the file is truncated`, true);
}

function networkFailure(url: string, e: Error): AttemptFailure {
  const code = (e.cause as { code?: string } | undefined)?.code ?? '';
  const host = new URL(url).host;
  // An unknown host almost always means no network (or a proxy is needed): retrying only delays the message.
  if (code === 'ENOTFOUND') return new AttemptFailure('offline', `cannot resolve ${host} (ENOTFOUND)`, false);
  if (code === 'ECONNREFUSED') return new AttemptFailure('offline', `${host} refused the connection (ECONNREFUSED)`, true);
  return new AttemptFailure('network', `${e.message}${code ? ` (${code})` : ''}`, true);
}

/** Logs at most every two seconds, so a slow 12 MB file shows progress without flooding the console. */
function progressLogger(label: string, expected: number | undefined, log: (s: string) => void) {
  const start = Date.now();
  let last = start;
  return (received: number) => {
    const now = Date.now();
    if (now - last < 2000) return;
    last = now;
    const pct = expected ? ` (${Math.round((100 * received) / expected)}%)` : '';
    log(`  ${label}: ${sizeText(received)}${expected ? ` of ${sizeText(expected)}` : ''}${pct}`);
  };
}
