/**
 * HTTP GET for the download path: retries with exponential backoff, an idle timeout, progress lines
 * for large files, and a check that the whole body arrived. Every failure is a DownloadError that
 * names the URL, so the message says which file could not be fetched and why.
 */
export interface HttpOptions {
  /** Tries per URL, the first included. */
  attempts: number;
  /** Wait before the first retry; doubled for each further one. */
  retryDelayMs: number;
  /** Abort a request that sends nothing for this long (a stalled connection never ends on its own). */
  idleTimeoutMs: number;
  log: (line: string) => void;
}

export const DEFAULT_HTTP = { attempts: 4, retryDelayMs: 1000, idleTimeoutMs: 60_000 };

export type FailureKind = 'offline' | 'not-found' | 'http' | 'truncated' | 'timeout' | 'network' | 'invalid';

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
  for (let attempt = 1; ; attempt++) {
    try {
      return await getOnce(url, label, opts);
    } catch (e) {
      const f = e instanceof AttemptFailure ? e : new AttemptFailure('network', (e as Error).message, true);
      if (!f.retryable || attempt >= opts.attempts) {
        const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
        throw new DownloadError(url, f.kind, f.message + tries);
      }
      const wait = opts.retryDelayMs * 2 ** (attempt - 1);
      opts.log(`  ${label}: ${f.message}; retrying in ${(wait / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${opts.attempts})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

async function getOnce(url: string, label: string, opts: HttpOptions): Promise<Buffer> {
  const ctrl = new AbortController();
  let timer = setTimeout(() => ctrl.abort(), opts.idleTimeoutMs);
  const stillAlive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => ctrl.abort(), opts.idleTimeoutMs);
  };
  let received = 0;
  let expected: number | undefined;
  try {
    const res = await fetch(url, { signal: ctrl.signal, headers: { 'user-agent': 'hotspot-atlas data pipeline' } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      const transient = res.status >= 500 || res.status === 408 || res.status === 429;
      throw new AttemptFailure(res.status === 404 || res.status === 410 ? 'not-found' : 'http', `HTTP ${res.status} ${res.statusText}`.trim(), transient);
    }
    // With content-encoding the header counts compressed bytes, while fetch hands back decoded ones.
    const length = Number(res.headers.get('content-length'));
    if (!res.headers.get('content-encoding') && Number.isFinite(length) && length > 0) expected = length;
    const chunks: Uint8Array[] = [];
    const progress = progressLogger(label, expected, opts.log);
    const reader = res.body?.getReader();
    for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
      stillAlive();
      chunks.push(part.value);
      received += part.value.length;
      progress(received);
    }
    if (expected !== undefined && received !== expected) throw truncated(received, expected);
    return Buffer.concat(chunks);
  } catch (e) {
    if (e instanceof AttemptFailure) throw e;
    if (ctrl.signal.aborted) throw new AttemptFailure('timeout', `no data for ${Math.round(opts.idleTimeoutMs / 1000)} s (timed out)`, true);
    // A connection closed mid-body surfaces as a generic "terminated" error from fetch.
    if (received > 0 || expected !== undefined) throw truncated(received, expected);
    throw networkFailure(url, e as Error);
  } finally {
    clearTimeout(timer);
  }
}

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

export const sizeText = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
