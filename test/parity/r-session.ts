/**
 * Running R (spdep) from the parity tests and the bench. R is an independent reference, so a missing
 * R must fail loudly with instructions, never skip: CI installs it with .ci/install-r.sh.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export function requireSpdep(): string {
  const r = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(spdep)); cat(as.character(packageVersion("spdep")))'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const why = r.error ? `Rscript not found (${r.error.message})` : `library(spdep) failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`;
    throw new Error(`R with spdep is required for the spdep parity tests and the hotspot bench, but ${why}. Install it with: bash .ci/install-r.sh`);
  }
  return r.stdout.trim();
}

/** Runs an R script file with arguments; R's errors come back as the thrown message. */
export function runRscript(script: string, args: string[]): string {
  try {
    return execFileSync('Rscript', ['--vanilla', script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`Rscript ${script} failed: ${(err.stderr || err.message).trim().split('\n').slice(-8).join('\n')}`);
  }
}
