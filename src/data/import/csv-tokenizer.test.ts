import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer';
import { ImportError } from './import-issue';

function tokenize(text: string, chunk = text.length || 1, delimiter = ','): [number, string[]][] {
  const out: [number, string[]][] = [];
  const tok = new CsvTokenizer(delimiter, (fields, row) => out.push([row, fields]), 'f.csv');
  for (let i = 0; i < text.length; i += chunk) tok.push(text.slice(i, i + chunk));
  tok.end();
  return out;
}

describe('CsvTokenizer', () => {
  const tricky = 'code,name,value\r\nE01,"Smith, ""Jo""",1\r\n\r\nE02,"two\nlines\r\nhere",2\rE03,,"3"\nE04,x,4';

  it('splits quoted commas, escaped quotes, quoted line breaks and every line ending', () => {
    expect(tokenize(tricky)).toEqual([
      [1, ['code', 'name', 'value']],
      [2, ['E01', 'Smith, "Jo"', '1']],
      [3, ['']],
      [4, ['E02', 'two\nlines\r\nhere', '2']],
      [5, ['E03', '', '3']],
      [6, ['E04', 'x', '4']],
    ]);
  });

  it('gives the same records whatever the chunk size (values and CRLF split across chunks)', () => {
    const whole = tokenize(tricky);
    for (let chunk = 1; chunk <= tricky.length; chunk++) expect(tokenize(tricky, chunk)).toEqual(whole);
  });

  it('numbers rows like a spreadsheet: a quoted line break stays in one row, blank lines count', () => {
    const rows = tokenize('a\n"x\ny"\n\nz\n').map(([r]) => r);
    expect(rows).toEqual([1, 2, 3, 4]);
  });

  it('keeps a trailing empty value and ignores the final line break', () => {
    expect(tokenize('a,b,\n1,2,\n')).toEqual([[1, ['a', 'b', '']], [2, ['1', '2', '']]]);
  });

  it('fails on a quote never closed, naming the row where it opened', () => {
    let err: unknown;
    try {
      tokenize('a,b\n1,2\n3,"never closed\n4,5\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('unclosed-quote');
    expect((err as ImportError).message).toMatch(/^f\.csv: row 3 opens a quoted value/);
  });

  it('keeps text after a closing quote and a quote inside an unquoted value, remembering the row', () => {
    const out: string[][] = [];
    const tok = new CsvTokenizer(',', (f) => out.push(f), 'f.csv');
    tok.push('a,b\n"abc"def,5 "inch"\n');
    tok.end();
    expect(out[1]).toEqual(['abcdef', '5 "inch"']);
    expect(tok.malformedRows).toEqual([2]);
  });

  it('splits on tabs and semicolons when told to', () => {
    expect(tokenize('a\tb\n1\t2', 3, '\t')).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
    expect(tokenize('a;b\n"1;5";2', 2, ';')).toEqual([[1, ['a', 'b']], [2, ['1;5', '2']]]);
  });
});
