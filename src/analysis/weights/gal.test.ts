import { describe, expect, it } from 'vitest';
import { readGal, writeGal } from './gal';
import { buildWeights, neighbourLists } from './spatial-weights';
import { includeSelf } from './weights-transform';

// The layout spdep's write.nb.gal(oldstyle = FALSE) and GeoDa produce, including an island's empty line.
const galText = ['0 4 lsoa21 code', 'E01000001 2', 'E01000002 E01000003', 'E01000002 1', 'E01000001', 'E01000003 1', 'E01000001', 'E01000004 0', '', ''].join('\n');

describe('GAL', () => {
  it('reads new-style GAL with an island', () => {
    const w = readGal(galText, { style: 'B' });
    expect(w.ids).toEqual(['E01000001', 'E01000002', 'E01000003', 'E01000004']);
    expect(neighbourLists(w)).toEqual([[1, 2], [0], [0], []]);
    expect(Array.from(w.islands)).toEqual([3]);
    expect(w.style).toBe('B');
    expect(w.kind).toBe('gal');
  });

  it('reads old-style GAL, CRLF line ends, records out of order and a missing island line at the end', () => {
    const w = readGal('3\r\n2 1\r\n1\r\n1 1\r\n2\r\n3 0', { style: 'W' });
    expect(w.ids).toEqual(['2', '1', '3']);
    expect(neighbourLists(w)).toEqual([[1], [0], []]);
  });

  it('round-trips, never writing self links', () => {
    const w = buildWeights(['a', 'b', 'c', 'd'], [[1, 3], [0], [], [0]], { style: 'W', kind: 'queen' });
    const text = writeGal(includeSelf(w), { shape: 'my layer', key: 'code' });
    expect(text.split('\n')[0]).toBe('0 4 my_layer code');
    expect(text).toBe(writeGal(w, { shape: 'my layer', key: 'code' }));
    const back = readGal(text);
    expect(back.ids).toEqual(w.ids);
    expect(neighbourLists(back)).toEqual(neighbourLists(w));
  });

  it('fails with the file name, line and area on corrupt input', () => {
    expect(() => readGal('0 2 x id\na 1\nb\nb 1\nc\n', { source: 'w.gal' })).toThrow('w.gal line 5: neighbour "c" of area "b" is not an area in the file');
    expect(() => readGal('0 2 x id\na 2\nb\nb 1\na\n', { source: 'w.gal' })).toThrow('w.gal line 3: area "a" should have 2 neighbours but 1 are listed');
    expect(() => readGal('0 3 x id\na 1\nb\nb 1\na\n', { source: 'w.gal' })).toThrow(/w.gal line 6: expected area 3 of 3/);
    expect(() => readGal('0 x\n')).toThrow(/line 1/);
    expect(() => readGal('0 1 x id\na 0\n\nb 0\n')).toThrow(/line 4: text after the 1 areas/);
    expect(() => writeGal(buildWeights(['a b', 'c'], [[1], [0]], { style: 'B', kind: 't' }))).toThrow(/"a b" is empty or contains whitespace/);
  });
});
