import { describe, expect, it } from 'vitest';
import { MAX_SHORTLIST, type ShortlistSpec } from '../../state/shortlist-spec';
import { addCodes, atLevel, clearItems, moveItem, removeCodes, reorder, setNote, toggleCode } from './shortlist-ops';

const spec = (codes: string[]): ShortlistSpec => ({ level: 'ward24', title: '', items: codes.map((code) => ({ code, note: '' })), columns: [] });
const codes = (s: ShortlistSpec) => s.items.map((i) => i.code);

describe('shortlist changes', () => {
  it('adds new codes in order, skips ones already listed and says so', () => {
    const r = addCodes(spec(['E05000001']), ['E05000002', 'E05000001', 'E05000003', 'E05000002']);
    expect(codes(r.spec)).toEqual(['E05000001', 'E05000002', 'E05000003']);
    expect(r.message).toBe('Added 2 areas to the shortlist; 2 were already on it.');
  });

  it('stops at the size limit and says how many did not fit', () => {
    const full = spec(Array.from({ length: MAX_SHORTLIST - 1 }, (_, i) => `E05${String(i).padStart(6, '0')}`));
    const r = addCodes(full, ['E05900001', 'E05900002', 'E05900003']);
    expect(r.spec.items).toHaveLength(MAX_SHORTLIST);
    expect(r.message).toMatch(/2 areas did not fit/);
    expect(addCodes(r.spec, ['E05900009']).message).toMatch(/full/);
  });

  it('toggles, removes, clears', () => {
    const s = spec(['E05000001', 'E05000002']);
    expect(codes(toggleCode(s, 'E05000001').spec)).toEqual(['E05000002']);
    expect(codes(toggleCode(s, 'E05000009').spec)).toEqual(['E05000001', 'E05000002', 'E05000009']);
    expect(removeCodes(s, ['E05000007']).message).toBeNull();
    expect(clearItems(s).spec.items).toEqual([]);
    expect(clearItems(s).message).toBe('Cleared 2 areas from the shortlist.');
  });

  it('moves an item, clamped to the list', () => {
    const s = spec(['a', 'b', 'c', 'd'].map((x, i) => `E0500000${i}${x}`.slice(0, 9)));
    expect(codes(moveItem(s, 0, 2))).toEqual([codes(s)[1], codes(s)[2], codes(s)[0], codes(s)[3]]);
    expect(codes(moveItem(s, 3, -5))[0]).toBe(codes(s)[3]);
    expect(moveItem(s, 7, 0)).toBe(s);
  });

  it('reorders by a sorted list of codes, keeping unmentioned items at the end', () => {
    const s = spec(['E05000001', 'E05000002', 'E05000003']);
    expect(codes(reorder(s, ['E05000003', 'E05000001', 'E05000099']))).toEqual(['E05000003', 'E05000001', 'E05000002']);
  });

  it('cleans notes and lets an empty list follow the map level', () => {
    const s = setNote(spec(['E05000001']), 'E05000001', 'call\u0000 back\u202e');
    expect(s.items[0].note).toBe('call  back ');
    expect(atLevel(spec([]), 'lad24').level).toBe('lad24');
    expect(atLevel(s, 'lad24').level).toBe('ward24');
  });
});
