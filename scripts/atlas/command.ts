/**
 * The shape every `npm run atlas` command has, so a new command is one module plus one line in
 * commands.ts. A command reads its arguments, writes through `io` (never to the console directly,
 * so tests can run it in-process) and returns the exit code.
 */
import { writeFileSync } from 'node:fs';

export interface CliIo {
  /** One line of the command's result (standard output). */
  out(line: string): void;
  /** Progress, notes and errors (standard error), so piped output stays clean. */
  err(line: string): void;
  /** Directory relative paths (--out, --data) are resolved from. */
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for the overview `npm run atlas -- --help`. */
  summary: string;
  /** The command's full --help text. */
  usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/**
 * A bad argument: the message names it and says what is allowed. The entry point prints it and
 * exits 1; any other error is printed the same way but also means something broke.
 */
export class UsageError extends Error {}

/** A CSV to `--out` (a write error is a usage error naming the file) or, without it, to stdout. */
export function writeCsvOut(csv: string, out: string | null | undefined, io: CliIo): void {
  if (!out) return io.out(csv.replace(/\r\n$/, ''));
  try {
    writeFileSync(out, csv);
  } catch (e) {
    throw new UsageError(`--out: cannot write ${out} (${(e as Error).message})`);
  }
}
