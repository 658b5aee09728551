/** Page helpers that drive the atlas like a user and wait for what the root element reports. */
import type { Page } from 'playwright-core';
import { encodeStateHash } from '../../../src/state/url-state';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../../src/state/view-state';

/** Waits until the map on screen is the given level and measure, fully drawn. */
export async function waitForView(page: Page, level: string, indicator: string, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    ([l, i]) => {
      const r = document.getElementById('root');
      return r?.dataset.state === 'ready' && (r.dataset.view ?? '').startsWith(`${l}|${i}|`);
    },
    [level, indicator],
    { timeout },
  );
}

export function linkTo(base: string, state: Partial<ViewState>): string {
  return `${base}${encodeStateHash({ ...DEFAULT_VIEW_STATE, ...state })}`;
}

/** Hovers the map at a longitude/latitude and returns the tooltip text. */
export async function hoverAt(page: Page, lon: number, lat: number): Promise<string> {
  const box = (await page.locator('.atlas-map').boundingBox())!;
  const [x, y] = await page.evaluate(([a, b]) => window.hotspotAtlas!.project(a, b), [lon, lat]);
  await page.mouse.move(box.x + x - 3, box.y + y - 3);
  await page.mouse.move(box.x + x, box.y + y);
  const tip = page.getByTestId('tooltip');
  await tip.waitFor({ timeout: 10_000 });
  return tip.innerText();
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
