/**
 * A recolour (palette change on the Map tab) timed from the change event to the redrawn map
 * (mark `atlas:drawn:*`), with a CPU profile of the page over that window: the time spent running
 * JavaScript (ours, React, deck.gl) against the rest of the wall time, which is the GL work
 * (SwiftShader draws on the CPU here; its synchronous calls show up as native "(program)" time)
 * and waiting for the frame.
 */
import type { Page } from 'playwright-core';

export interface Recolour {
  wallMs: number;
  jsMs: number;
  /** Native time on the main thread (GL calls, layout, paint) and GC. */
  nativeMs: number;
  /** Functions with the most JavaScript self time. */
  topJs: [string, number][];
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const NATIVE = new Set(['(program)', '(garbage collector)']);

/** Busy-waits a few milliseconds in a function with a name found nowhere else, to find a moment in the profile. */
const MARKER = `function benchProfileMarker() { const end = performance.now() + 4; while (performance.now() < end); }`;

export async function recolour(page: Page, palette: string): Promise<Recolour> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  // A string, not a closure: tsx's name-keeping helper (__name) does not exist inside the page.
  const t0 = await page.evaluate<number>(`(() => {
    ${MARKER}
    benchProfileMarker();
    const sel = document.querySelector('[data-testid=palette-select]');
    const t = performance.now();
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(sel, ${JSON.stringify(palette)});
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    return t;
  })()`);
  await page.waitForFunction((t) => performance.getEntriesByType('mark').some((m) => m.name.startsWith('atlas:drawn:') && m.startTime > t), t0, { timeout: 60_000 });
  const wallMs = await page.evaluate((t) => Math.min(...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('atlas:drawn:') && m.startTime > t).map((m) => m.startTime)) - t, t0);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Sample times (ms from the profile's start); the window opens where the marker's samples end.
  const times: number[] = [];
  let at = 0;
  for (const d of profile.timeDeltas) times.push((at += d) / 1000);
  const markerSamples = profile.samples.map((id, i) => (byId.get(id)!.callFrame.functionName === 'benchProfileMarker' ? times[i] : -1)).filter((t) => t >= 0);
  const from = markerSamples.length ? Math.max(...markerSamples) : 0;
  const to = from + wallMs;
  let js = 0;
  let native = 0;
  const fns = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (times[i] <= from || times[i] > to) return;
    const f = byId.get(id)!.callFrame;
    const dt = profile.timeDeltas[i] / 1000;
    if (NATIVE.has(f.functionName)) native += dt;
    else if (f.functionName !== '(idle)' && f.functionName !== '(root)') {
      js += dt;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      fns.set(key, (fns.get(key) ?? 0) + dt);
    }
  });
  return {
    wallMs,
    jsMs: js,
    nativeMs: native,
    topJs: [...fns].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([f, ms]) => [f, Math.round(ms * 10) / 10]),
  };
}
