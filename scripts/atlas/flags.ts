/** Command-line flags: `--name value` pairs and bare switches, each error naming the flag. */
import { UsageError } from './command';

export interface FlagSpec {
  /** Flags that take a value (`--level lsoa21`; `--level=lsoa21` also works). */
  values: readonly string[];
  /** Flags that may be given more than once (their values are kept in order). */
  repeatable?: readonly string[];
  /** Flags without a value (`--choices`). */
  switches?: readonly string[];
}

export interface Flags {
  value(flag: string): string | undefined;
  all(flag: string): string[];
  has(flag: string): boolean;
}

export function parseFlags(argv: readonly string[], spec: FlagSpec): Flags {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.switches?.includes(flag)) {
      if (eq > 0) throw new UsageError(`${flag} takes no value (got "${arg}")`);
      switches.add(flag);
      continue;
    }
    if (!spec.values.includes(flag)) {
      throw new UsageError(flag.startsWith('-') ? `unknown option ${flag}` : `unexpected argument "${arg}" (options start with --)`);
    }
    let v: string | undefined;
    if (eq > 0) v = arg.slice(eq + 1);
    else {
      v = argv[i + 1];
      if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${flag} needs a value`);
      i++;
    }
    const list = values.get(flag) ?? [];
    if (list.length && !spec.repeatable?.includes(flag)) throw new UsageError(`${flag} is given twice`);
    values.set(flag, [...list, v]);
  }
  return {
    value: (f) => values.get(f)?.[0],
    all: (f) => values.get(f) ?? [],
    has: (f) => switches.has(f),
  };
}
