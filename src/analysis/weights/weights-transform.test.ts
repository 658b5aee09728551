import { describe, expect, it } from 'vitest';
import { buildWeights, neighbourLists } from './spatial-weights';
import { asymmetricLinks, excludeSelf, includeSelf, symmetrise, withStyle } from './weights-transform';

const ids = ['a', 'b', 'c', 'd'];

describe('weights transforms', () => {
  it('switches style without touching the structure', () => {
    const b = buildWeights(ids, [[1, 2], [0], [0], []], { style: 'B', kind: 'q' });
    const w = withStyle(b, 'W');
    expect(neighbourLists(w)).toEqual(neighbourLists(b));
    expect(Array.from(w.weights)).toEqual([0.5, 0.5, 1, 1]);
    expect(withStyle(w, 'W')).toBe(w);
  });

  it('adds self like spdep include.self + nb2listw: 1/(k+1) per link, islands get weight 1 on themselves', () => {
    const w = includeSelf(buildWeights(ids, [[1, 2], [0], [0], []], { style: 'W', kind: 'q' }));
    expect(w.selfIncluded).toBe(true);
    expect(w.kind).toBe('q+self');
    expect(neighbourLists(w)).toEqual([[0, 1, 2], [0, 1], [0, 2], [3]]);
    expect(Array.from(w.weights)).toEqual([1 / 3, 1 / 3, 1 / 3, 0.5, 0.5, 0.5, 0.5, 1]);
    expect(Array.from(w.islands)).toEqual([3]);
    const back = excludeSelf(w);
    expect(neighbourLists(back)).toEqual([[1, 2], [0], [0], []]);
    expect(back.kind).toBe('q');
  });

  it('mirrors one-way links and reports them', () => {
    const knn = buildWeights(ids, [[1], [2], [1], [2]], { style: 'B', kind: 'knn-1', distances: [[1], [2], [2], [3]] });
    expect(asymmetricLinks(knn)).toEqual([[0, 1], [3, 2]]);
    const s = symmetrise(knn);
    expect(s.symmetric).toBe(true);
    expect(neighbourLists(s)).toEqual([[1], [0, 2], [1, 3], [2]]);
    // distances travel with their links
    expect(Array.from(s.distances!)).toEqual([1, 1, 2, 2, 3, 3]);
  });
});
