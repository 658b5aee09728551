import Papa from 'papaparse';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../lib/csv-write';
import { MALICIOUS, shortlistFixture } from './shortlist-fixture';
import { csvBundleNames, writeCsvBundle, writeMethodCsv, writeShortlistCsv } from './shortlist-csv';

/** Parses as Excel would see the text: BOM removed, every cell a string. */
function parse(text: string): { rows: string[][]; linebreak: string } {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const r = Papa.parse<string[]>(text.slice(1), { header: false, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return { rows: r.data, linebreak: r.meta.linebreak };
}

/** Line ends outside quoted fields must all be CRLF. */
function expectOnlyCrlfOutsideQuotes(text: string): void {
  const unquoted = text.replace(/"(?:[^"]|"")*"/g, '""');
  expect(unquoted).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  expect(text.endsWith('\r\n')).toBe(true);
}

describe('writeShortlistCsv', () => {
  const input = shortlistFixture();
  const text = writeShortlistCsv(input);
  const { rows, linebreak } = parse(text);
  const [header, ...body] = rows;
  const col = (name: string) => header.indexOf(name);

  it('is RFC 4180 with a BOM and one header row plus one row per area', () => {
    expect(linebreak).toBe('\r\n');
    expectOnlyCrlfOutsideQuotes(text);
    expect(body).toHaveLength(4);
    expect(header).toEqual([
      'Rank', 'Area code', 'Area name', 'Local authority code', 'Local authority', 'ICB code', 'ICB', 'Residents',
      'Smoking prevalence (%)', 'Smoking prevalence: lower 95% CI', 'Smoking prevalence: upper 95% CI',
      'IMD score', 'Change since 2019 (pp)',
      'Conditions met', 'Hotspot class', 'Value notes', "Planner's note",
    ]);
  });

  it('writes every field of an ordinary row, numbers rounded to the column decimals', () => {
    expect(body[0]).toEqual([
      '1', 'E05999001', 'Ashbury North', 'E08999001', 'Millbrook', 'E54999001', 'NHS Testshire ICB', '12345',
      '23.5', '20.1', '26.8', '45.68', '-2.5',
      'IMD decile 1–2; Smoking above England', 'High–High (hotspot)', '', 'Check with PCN, "priority"',
    ]);
    // The comma- and quote-bearing note must have been quoted, with doubled inner quotes.
    expect(text).toContain('"Check with PCN, ""priority"""');
  });

  it('neutralises every formula-like string from input with a leading quote', () => {
    const r = body[1];
    expect(r[col('Area name')]).toBe(`'${MALICIOUS.name}`);
    expect(r[col("Planner's note")]).toBe(`'${MALICIOUS.note}`);
    expect(r[col('Conditions met')]).toBe(`'${MALICIOUS.condition}`);
    expect(r[col('Hotspot class')]).toBe(`'${MALICIOUS.hotspot}`);
    expect(r[col('Local authority')]).toBe(`'${MALICIOUS.laName}`);
    expect(r[col('ICB')]).toBe(`'${MALICIOUS.icbName}`);
    expect(body[3][col('Area name')]).toBe("' =1+1");
    // A string that merely looks like a negative number came from input, so it is guarded too.
    expect(body[3][col("Planner's note")]).toBe("'-5");
    // Whatever still starts like a formula must be one of the writer's own negative numbers.
    const trigger = /^[\s\u200B]*[=+\-@]|^[\t\r]/;
    for (const cell of body.flat()) if (trigger.test(cell)) expect(cell).toMatch(/^-\d+(\.\d+)?$/);
  });

  it('keeps genuine numbers numeric, negative ones included', () => {
    const numbers = body.map((r) => [r[col('Change since 2019 (pp)')], r[col('IMD score')], r[col('Rank')]]);
    expect(numbers).toEqual([['-2.5', '45.68', '1'], ['0', '0', '2'], ['1.3', '', '3'], ['-12', '-1.01', '4']]);
    const typed = Papa.parse<unknown[]>(text.slice(1), { dynamicTyping: true, skipEmptyLines: true }).data;
    expect(typed[1][col('Change since 2019 (pp)')]).toBe(-2.5);
    expect(typed[4][col('IMD score')]).toBe(-1.01);
    expect(typed[4][col('Residents')]).toBe(1500);
  });

  it('empties suppressed values and missing ones, and explains them in the notes column', () => {
    const r = body[1];
    expect([r[col('Smoking prevalence (%)')], r[col('Smoking prevalence: lower 95% CI')], r[col('Smoking prevalence: upper 95% CI')]]).toEqual(['', '', '']);
    expect(r[col('Value notes')]).toBe('Smoking prevalence: suppressed – fewer than 10 cases');
    expect(body[2][col('IMD score')]).toBe('');
    expect(body[2][col('Residents')]).toBe('');
    expect(body[2][col('Value notes')]).toBe('Change since 2019: boundary change');
  });

  it('round-trips commas, quotes, newlines, accents and missing parents', () => {
    const r = body[2];
    expect(r[col('Area name')]).toBe('Comma, "Quote" and\nnewline');
    expect(r[col('Planner\'s note')]).toBe('Ynys Môn – ok');
    expect([r[col('Local authority code')], r[col('Local authority')], r[col('ICB code')], r[col('ICB')]]).toEqual(['', '', '', '']);
  });

  it('rejects duplicate or clashing column ids, naming the column', () => {
    const bad = shortlistFixture();
    bad.columns = [...bad.columns, { id: 'name', label: 'Oops', unit: '', decimals: 0, ciLevel: null }];
    expect(() => writeShortlistCsv(bad)).toThrow(/export column "name"/);
    bad.columns = [{ id: 'x', label: 'X', unit: '', decimals: 1.5, ciLevel: null }];
    expect(() => writeShortlistCsv(bad)).toThrow(/decimals/);
  });
});

describe('writeMethodCsv', () => {
  const { rows } = parse(writeMethodCsv(shortlistFixture()));

  it('is a Section/Item/Value table with the share link, sources and guarded method text', () => {
    expect(rows[0]).toEqual(['Section', 'Item', 'Value']);
    expect(rows).toContainEqual(['Export', 'Share link', 'https://example.org/atlas/#v=1&s=abc,def']);
    expect(rows).toContainEqual(['Export', 'Generated', '21 November 2026']);
    expect(rows).toContainEqual(['Parameters', 'Seed', "'-42"]);
    expect(rows).toContainEqual(['Method', 'Step 2', "'=cmd|' /C calc'!A0 is kept as text."]);
    expect(rows.find((r) => r[1] === 'Synthetic Lifestyle Survey')?.[2]).toContain('Contains made-up data © Crown copyright 2026');
  });
});

describe('writeCsvBundle', () => {
  it('zips the table and method CSVs under names from the title and date', () => {
    const input = shortlistFixture();
    const files = unzipSync(writeCsvBundle(input));
    const names = csvBundleNames(input);
    expect(names.table).toBe('lung-health-check-shortlist-greater-testshire-2026-11-21.csv');
    expect(Object.keys(files).sort()).toEqual([names.method, names.table].sort());
    // Compare bytes: TextDecoder (behind strFromU8) would silently drop the BOM being checked.
    expect(files[names.table]).toEqual(strToU8(writeShortlistCsv(input)));
    expect(files[names.method]).toEqual(strToU8(writeMethodCsv(input)));
    expect([...files[names.table].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Same input, same bytes: the zip timestamps come from the input, not the clock.
    expect(writeCsvBundle(input)).toEqual(writeCsvBundle(input));
  });
});

describe('neutraliseFormula / toCsv', () => {
  it('prefixes only strings that a spreadsheet would evaluate', () => {
    for (const s of ['=1', '+1', '-1', '@A1', '\t=1', '\r=1', '\0x', '  =1', '\n-1', '＝1']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['a=1', '1-2', 'E05000001', '', "'=1", 'Saint-Helens']) expect(neutraliseFormula(s)).toBe(s);
  });

  it('leaves the pipeline default (no BOM, no guard) unchanged', () => {
    expect(toCsv(['a', 'b'], [['=x', -1], [null, 'q"']])).toBe('a,b\r\n=x,-1\r\n,"q"""\r\n');
    expect(toCsv(['a'], [['=x']], { bom: true, guardFormulas: true })).toBe("\uFEFFa\r\n'=x\r\n");
  });
});
