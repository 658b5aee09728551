import { describe, expect, it } from 'vitest';
import { readGwt, writeGwt } from './gwt';
import { knnWeights } from './knn-weights';
import { neighbourLists } from './spatial-weights';

describe('GWT', () => {
  it('writes distances for distance-based weights and reads them back', () => {
    const w = knnWeights(['a', 'b', 'c', 'd'], [0, 0.1, 0.3, 1], [51, 51, 51.1, 51], 2);
    const text = writeGwt(w, { shape: 'pts', key: 'id' });
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('0 4 pts id');
    expect(lines).toHaveLength(1 + 8);
    const [from, to, value] = lines[1].split(' ');
    expect([from, to]).toEqual(['a', 'b']);
    expect(Number(value)).toBe(w.distances![0]);
    const back = readGwt(text, { style: 'B' });
    expect(back.ids).toEqual(w.ids);
    expect(neighbourLists(back)).toEqual(neighbourLists(w));
    expect(Array.from(back.distances!)).toEqual(Array.from(w.distances!));
    expect(back.symmetric).toBe(false);
  });

  it('needs the area ids when an area has no link, and places islands with them', () => {
    const text = '0 3 x id\na b 1.5\nb a 1.5\n';
    expect(() => readGwt(text, { source: 'd.gwt' })).toThrow(/d.gwt: header says 3 areas but the links name 2.*pass the area ids/);
    const w = readGwt(text, { ids: ['a', 'b', 'c'] });
    expect(Array.from(w.islands)).toEqual([2]);
  });

  it('reports bad lines by number', () => {
    expect(() => readGwt('0 2 x id\na b\n', { source: 'd.gwt' })).toThrow('d.gwt line 2: expected "from to value", got "a b"');
    expect(() => readGwt('0 2 x id\na b 1\na b 2\nb a 1\n', { source: 'd.gwt' })).toThrow('d.gwt line 3: link a → b appears twice');
    expect(() => readGwt('0 2 x id\na a 1\nb a 1\n', { source: 'd.gwt' })).toThrow(/line 2: area "a" links to itself/);
    expect(() => readGwt('0 2 x id\na b x\n')).toThrow(/value "x" is not a number/);
  });
});
