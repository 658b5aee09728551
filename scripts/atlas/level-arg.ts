/** The `--level` argument: a built-in level id, named in the error with the list of valid ones. */
import { LEVEL_IDS, type BuiltInLevelId } from '../../src/geo/levels';
import { UsageError } from './command';

export function levelArg(value: string | undefined, required: boolean): BuiltInLevelId | null {
  if (value === undefined) {
    if (required) throw new UsageError(`--level is required (one of ${LEVEL_IDS.join(', ')}; see: npm run -s atlas -- levels)`);
    return null;
  }
  if (!(LEVEL_IDS as readonly string[]).includes(value)) throw new UsageError(`--level: unknown level "${value}" (one of ${LEVEL_IDS.join(', ')})`);
  return value as BuiltInLevelId;
}

/** Tabs and line breaks inside a field would break the one-line, tab-separated output. */
export const tsvField = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
