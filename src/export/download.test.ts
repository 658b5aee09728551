import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadExport } from './download';

/** Just enough of the DOM for the helper: records what the anchor was given and whether it was clicked. */
function fakeDom() {
  const anchor = { href: '', download: '', rel: '', style: { display: '' }, clicked: 0, removed: 0, click() { this.clicked++; }, remove() { this.removed++; } };
  const appended: unknown[] = [];
  vi.stubGlobal('document', { createElement: () => anchor, body: { appendChild: (n: unknown) => appended.push(n) } });
  const created: Blob[] = [];
  const revoked: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { created.push(b as Blob); return 'blob:fake/1'; });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((u) => { revoked.push(u); });
  return { anchor, appended, created, revoked };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('downloadExport', () => {
  it('clicks a hidden download link named from title and date, then frees the URL later', async () => {
    vi.useFakeTimers();
    const dom = fakeDom();
    const name = downloadExport('\uFEFFa,b\r\n', 'csv', 'Lung check – GM', '2026-11-21');
    expect(name).toBe('lung-check-gm-2026-11-21.csv');
    expect(dom.anchor).toMatchObject({ href: 'blob:fake/1', download: name, clicked: 1, removed: 1 });
    expect(dom.appended).toEqual([dom.anchor]);
    expect(dom.created[0].type).toBe('text/csv;charset=utf-8');
    expect([...new Uint8Array(await dom.created[0].arrayBuffer())].slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(dom.revoked).toEqual([]);
    vi.runAllTimers();
    expect(dom.revoked).toEqual(['blob:fake/1']);
  });

  it('passes a Blob through unchanged (the xlsx writer already makes one)', () => {
    const dom = fakeDom();
    const blob = new Blob(['x'], { type: 'application/octet-stream' });
    expect(downloadExport(blob, 'xlsx', 'T', '2026-11-21')).toBe('t-2026-11-21.xlsx');
    expect(dom.created[0]).toBe(blob);
  });
});
