import { describe, expect, it } from 'vitest';
import { parseFlags } from './flags';

const SPEC = { values: ['--level', '--measures'], repeatable: ['--measures'], switches: ['--bom'] };
const error = (argv: string[]) => {
  try {
    parseFlags(argv, SPEC);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('command-line flags', () => {
  it('reads values (space or =), repeated values in order, and switches', () => {
    const f = parseFlags(['--level=ward24', '--measures', 'a', '--bom', '--measures', 'b'], SPEC);
    expect(f.value('--level')).toBe('ward24');
    expect(f.all('--measures')).toEqual(['a', 'b']);
    expect(f.has('--bom')).toBe(true);
    expect(f.value('--out')).toBeUndefined();
  });

  it('names the flag in every error', () => {
    expect(error(['--levle', 'x'])).toBe('unknown option --levle');
    expect(error(['ward24'])).toBe('unexpected argument "ward24" (options start with --)');
    expect(error(['--level'])).toBe('--level needs a value');
    expect(error(['--level', '--bom'])).toBe('--level needs a value');
    expect(error(['--level', 'a', '--level', 'b'])).toBe('--level is given twice');
    expect(error(['--bom=yes'])).toBe('--bom takes no value (got "--bom=yes")');
  });
});
