/**
 * The limits of `npm run data -- --download`, in one place. A publisher's server is trusted to send
 * the right data, not to behave: a server that trickles a byte at a time never trips the idle
 * timeout, one that sends an endless body fills the disk, and a small zip can inflate to gigabytes.
 * Each limit ends the download with a message naming the file and the limit.
 *
 * The largest official response is the Census 2021 API's, about 60 MB, and a whole download is about
 * 130 MB (measured on the test fixtures, which have the publishers' shapes), so the defaults leave
 * room for releases to grow while still stopping a runaway server.
 */
import { sizeText } from './text-units';

export interface DownloadLimits {
  /** Bytes one response body may hold. */
  maxFileBytes: number;
  /** Bytes all responses of one run may hold together (retries included). */
  maxTotalBytes: number;
  /** One request, body included, may take this long however steadily data arrives. */
  fileTimeoutMs: number;
  /** The whole run (every file and retry) may take this long. */
  totalTimeoutMs: number;
  /** Bytes one zip entry may inflate to. */
  maxInflatedBytes: number;
}

export const DEFAULT_LIMITS: DownloadLimits = {
  maxFileBytes: 256e6,
  maxTotalBytes: 1e9,
  fileTimeoutMs: 15 * 60_000,
  totalTimeoutMs: 60 * 60_000,
  maxInflatedBytes: 512e6,
};

/** What one run has used of its total byte and time limits; shared by every request of the run. */
export class DownloadBudget {
  private bytes = 0;
  private readonly deadline: number;

  constructor(readonly limits: DownloadLimits, now = Date.now()) {
    this.deadline = now + limits.totalTimeoutMs;
  }

  /** Counts bytes received; returns a reason to stop when the run's total is exceeded. */
  take(n: number): string | null {
    this.bytes += n;
    return this.bytes > this.limits.maxTotalBytes ? `the download as a whole passed its limit of ${sizeText(this.limits.maxTotalBytes)}` : null;
  }

  /** Milliseconds left of the run's time limit (never negative). */
  remainingMs(now = Date.now()): number {
    return Math.max(0, this.deadline - now);
  }
}
