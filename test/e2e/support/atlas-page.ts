/** Page helpers that drive the atlas like a user and wait for what the root element reports. */
import type { Page } from 'playwright-core';
import { encodeStateHash } from '../../../src/state/url-state';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../../src/state/view-state';

/** Waits until the map on screen is the given level and measure, fully drawn. */
export async function waitForView(page: Page, level: string, indicator: string, timeout = 120_000): Promise<void> {
  try {
    await page.waitForFunction(
      ([l, i]) => {
        const r = document.getElementById('root');
        return r?.dataset.state === 'ready' && (r.dataset.view ?? '').startsWith(`${l}|${i}|`);
      },
      [level, indicator],
      { timeout },
    );
  } catch (e) {
    // Say what the page was showing instead, so a timeout can be diagnosed from the CI log.
    const seen = await page
      .evaluate(() => {
        const r = document.getElementById('root');
        const alerts = [...document.querySelectorAll('[role="alert"], [role="status"]')].map((n) => (n as HTMLElement).innerText.trim()).filter(Boolean);
        return `state=${r?.dataset.state} view=${r?.dataset.view} url=${location.hash.slice(0, 200)} messages=${JSON.stringify(alerts).slice(0, 800)}`;
      })
      .catch(() => 'page not readable');
    throw new Error(`waitForView(${level}, ${indicator}) timed out; the page showed ${seen}`, { cause: e });
  }
}

export function linkTo(base: string, state: Partial<ViewState>): string {
  return `${base}${encodeStateHash({ ...DEFAULT_VIEW_STATE, ...state })}`;
}

/** Hovers the map at a longitude/latitude and returns the tooltip text (moving a little, as a hand does). */
export async function hoverAt(page: Page, lon: number, lat: number): Promise<string> {
  const box = (await page.locator('.atlas-map').boundingBox())!;
  const tip = page.getByTestId('tooltip');
  for (let attempt = 0; attempt < 20; attempt++) {
    const [x, y] = await page.evaluate(([a, b]) => window.hotspotAtlas!.project(a, b), [lon, lat]);
    await page.mouse.move(box.x + x + (attempt % 2 ? 1 : -1), box.y + y);
    await page.mouse.move(box.x + x, box.y + y);
    try {
      await tip.waitFor({ timeout: 500 });
      return await tip.innerText();
    } catch {
      // The pick lands on the next frame; move again.
    }
  }
  throw new Error(`no tooltip at ${lon}, ${lat}`);
}

/** Waits until the camera has stopped moving (after a fly-to). */
export async function waitForCameraStill(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 60; i++) {
    const now = JSON.stringify(await page.evaluate(() => window.hotspotAtlas?.camera()));
    if (now === last) return;
    last = now;
    await page.waitForTimeout(250);
  }
}

/** Opens a share link for a view and waits until that map is drawn at that place. */
export async function openView(page: Page, base: string, state: Partial<ViewState>): Promise<void> {
  const full = { ...DEFAULT_VIEW_STATE, ...state };
  await page.goto(linkTo(base, state));
  await waitForView(page, full.level, full.indicator);
  const v = full.viewport;
  await page.waitForFunction(
    ([lon, lat, z]) => {
      const c = window.hotspotAtlas?.camera();
      return !!c && Math.abs(c.longitude - lon) < 1e-3 && Math.abs(c.latitude - lat) < 1e-3 && Math.abs(c.zoom - z) < 1e-2;
    },
    [v.longitude, v.latitude, v.zoom],
    { timeout: 30_000 },
  );
  await waitForView(page, full.level, full.indicator);
}
