/**
 * Issue 12, practices on the map, end to end in the built app (Debian Chromium, offline): the
 * Practices tab draws the practice layer (canvas pixels, and a screenshot to look at), hover names a
 * practice, keyboard (the table) and mouse (the map) select one and open its profile, whose values
 * beside Sub-ICB, ICB and England are checked against sums of the raw QOF file computed here; a PCN's
 * practices are highlighted; the funnel plot selects on the map; the selection survives a share link;
 * axe finds nothing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPracticeValues, type PracticeValue } from '../../src/data/practice-data';
import { QueryRunner } from '../../src/data/query-runner';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { checkCode, packText } from '../../src/state/link-bytes';
import { LINK_DICTIONARY_V2 } from '../../src/state/link-dictionary';
import { hoverAt, waitForCameraStill, waitForView } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { closeAtlasSession, openAtlasSession, ROOT, waitForReady, type AtlasSession } from './support/browser';
import { gridDifference, mapPixels } from './support/map-pixels';

const OUT = join(ROOT, 'test/output/practice-map');
mkdirSync(OUT, { recursive: true });

const RECODED: Record<string, string> = { E38000246: 'E38000264', E38000248: 'E38000265' };
const prevalence = rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz');
const mapping = new Map(rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').map((r) => [r.PRACTICE_CODE, r]));
const sicblOf = (code: string) => RECODED[mapping.get(code)!.SUB_ICB_ONS_CODE] ?? mapping.get(code)!.SUB_ICB_ONS_CODE;
/** A practice's 2024 ICB: that of its 2024 Sub-ICB location (the mapping's ICB codes are 2022's). */
const icbOfSicbl = new Map(rawRows('lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz').map((r) => [r.sicbl24_code, r.icb24_code]));
const icbOf = (code: string) => icbOfSicbl.get(sicblOf(code));
/** A register's share for the practices kept, from the raw file, as the profile prints it. */
function share(group: string, keep: (code: string) => boolean): string {
  let k = 0;
  let n = 0;
  for (const r of prevalence) if (r.GROUP_CODE === group && keep(r.PRACTICE_CODE)) [k, n] = [k + num(r.REGISTER), n + num(r.PRACTICE_LIST_SIZE)];
  return `${((100 * k) / n).toFixed(2)} %`;
}

let s: AtlasSession;
let lists: Map<string, number>;
/** A practice with a large list, in a PCN of several practices, with no other practice within 1.5 km (so the pointer finds it alone). */
let target: PracticeValue;

beforeAll(async () => {
  const [session, db] = await Promise.all([openAtlasSession('/', { open: true }), openBuiltDataDb()]);
  s = session;
  const q = new QueryRunner(db);
  const rows = await loadPracticeValues(q, 'qof.list_size', 'practice');
  lists = new Map(rows.map((r) => [r.code, r.value ?? 0]));
  const placed = rows.filter((r) => r.lon !== null && r.lat !== null);
  const km = (a: PracticeValue, b: PracticeValue) => Math.hypot((a.lon! - b.lon!) * 111 * Math.cos((a.lat! * Math.PI) / 180), (a.lat! - b.lat!) * 111);
  // Its PCN has at least four placed practices, so the PCN's outline is drawn.
  const members = (pcn: string | null) => placed.filter((o) => o.pcn === pcn).length;
  target = placed.filter((r) => r.pcn && (r.value ?? 0) > 12_000 && members(r.pcn) >= 4).sort((a, b) => b.value! - a.value!).find((r) => placed.every((o) => o === r || km(r, o) > 1.5))!;
  expect(target).toBeDefined();
}, 300_000);

afterAll(async () => {
  await closeAtlasSession(s ?? {});
});

describe('GP practices on the map', () => {
  it('the Practices tab draws the practices, sized by list and coloured by the register, with a key that says what is drawn', async () => {
    const { page } = s;
    const before = await mapPixels(page);
    await page.getByTestId('tab-practices').click();
    const key = page.getByTestId('practice-key');
    await key.waitFor({ timeout: 120_000 });
    expect(await key.innerText()).toContain('Cancer register %');
    expect(await page.getByTestId('practice-thinning').innerText()).toMatch(/only practices with [\d,]+ or more patients are drawn \([\d,]+ of 6,378\)/);
    await page.waitForTimeout(500);
    const after = await mapPixels(page);
    expect(gridDifference(before, after)).toBeGreaterThan(0.02);
    await page.screenshot({ path: join(OUT, 'practices-england.png') });
  });

  it('lists every practice as a table; Enter on a name selects it, flies there and opens its profile with raw-file comparators', async () => {
    const { page } = s;
    await page.getByTestId('practice-table-open').click();
    const table = page.getByTestId('practice-table');
    await table.waitFor();
    expect(await table.innerText()).toContain('of 6,378 practices');
    await page.getByTestId('practice-filter').fill(target.code);
    const button = table.locator('tbody tr').first().getByRole('button', { name: target.name, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    const profile = page.getByTestId('practice-profile-practice');
    await profile.waitFor({ timeout: 60_000 });
    expect(await profile.locator('h3').innerText()).toBe(`${target.name} (${target.code})`);
    for (const [group, id] of [['CAN', 'qof.can.prevalence'], ['COPD', 'qof.copd.prevalence'], ['DM', 'qof.dm.prevalence']]) {
      const cells = await profile.locator(`tr[data-measure="${id}"] td`).allInnerTexts();
      expect(cells[0]).toBe(share(group, (c) => c === target.code));
      expect(cells[2]).toBe(share(group, (c) => sicblOf(c) === sicblOf(target.code)));
      expect(cells[3]).toBe(share(group, (c) => icbOf(c) === icbOf(target.code)));
      expect(cells[4]).toBe(share(group, () => true));
      expect(cells[5]).toMatch(/^(higher than England \(its 95 % interval is above|lower than England \(its 95 % interval is below|similar to England \(its 95 % interval includes)/);
    }
    const listCells = await profile.locator('tr[data-measure="qof.list_size"] td').allInnerTexts();
    expect(listCells[0]).toBe(lists.get(target.code)!.toLocaleString('en-GB'));
    expect(listCells[5]).toBe('');
    // From the profile, the practice joins the shortlist's own "Practices and PCNs" section.
    await profile.getByTestId('profile-shortlist-practice').click();
    await profile.getByText('(in the shortlist)').waitFor();
    await page.getByTestId('tab-shortlist').click();
    await expect.poll(() => page.getByTestId('shortlist-practices').innerText(), { timeout: 60_000 }).toContain(`${target.name} (${target.code}`);
    await page.getByTestId('tab-practices').click();
    await waitForCameraStill(page);
    expect((await page.evaluate(() => window.hotspotAtlas!.camera())).zoom).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: join(OUT, 'practice-selected.png') });
  });

  it('names the practice under the pointer, and a click on it selects it', async () => {
    const { page } = s;
    // Clear the selection first, so the click is what selects it again.
    await page.getByTestId('practice-profile-practice').getByRole('button', { name: 'Clear practice' }).click();
    const text = await hoverAt(page, target.lon!, target.lat!);
    expect(text).toContain(target.name);
    expect(text).toContain(target.code);
    expect(text).toContain(`${target.pcnName ?? target.pcn} (${target.pcn})`);
    expect(text).toMatch(/Cancer register %[\s\S]*95 % interval/);
    expect(text).toContain(lists.get(target.code)!.toLocaleString('en-GB'));
    const box = (await page.locator('.atlas-map').boundingBox())!;
    const [x, y] = await page.evaluate(([a, b]) => window.hotspotAtlas!.project(a, b), [target.lon!, target.lat!]);
    await page.mouse.click(box.x + x, box.y + y);
    await expect.poll(() => page.getByTestId('practice-profile-practice').locator('h3').innerText(), { timeout: 30_000 }).toBe(`${target.name} (${target.code})`);
  });

  it('shows its PCN as a group: members ringed, an outline labelled approximate, and a PCN profile of sums', async () => {
    const { page } = s;
    const before = await mapPixels(page);
    await page.getByTestId('practice-show-pcn').click();
    const pcn = page.getByTestId('practice-profile-pcn');
    await pcn.waitFor({ timeout: 60_000 });
    const members = [...mapping.values()].filter((r) => r.PCN_ODS_CODE === target.pcn);
    expect(await pcn.locator('h3').innerText()).toContain(`(${target.pcn}): a Primary Care Network of ${members.length} practice`);
    const cells = await pcn.locator('tr[data-measure="qof.can.prevalence"] td').allInnerTexts();
    expect(cells[0]).toBe(share('CAN', (c) => mapping.get(c)!.PCN_ODS_CODE === target.pcn));
    expect(await page.getByTestId('practice-key').innerText()).toContain('approximate: a PCN is a group of practices, not an area');
    await waitForCameraStill(page);
    await page.waitForTimeout(500);
    expect(gridDifference(before, await mapPixels(page))).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'pcn-highlight.png') });
  });

  it('keeps the layer, the practice and the PCN in the share link', async () => {
    const { page } = s;
    const url = page.url();
    expect(url).toContain('#s2=');
    const other = await s.ctx.context.newPage();
    await other.goto(url);
    await waitForReady(other);
    await other.getByTestId('practice-profile-pcn').waitFor({ timeout: 120_000 });
    expect(await other.getByTestId('practice-profile-practice').locator('h3').innerText()).toBe(`${target.name} (${target.code})`);
    await other.getByTestId('practice-key').waitFor();
    // A link made before practices were kept (no "practices" key) opens as before: no practices, no message.
    const old = `${packText(JSON.stringify({ v: 1, level: 'lad24', indicator: 'imd2025.imd.score', tab: 'map' }), LINK_DICTIONARY_V2)}..`;
    await other.goto(`${s.server.url}#s2=${old}.${checkCode(old)}`);
    await other.reload();
    await waitForView(other, 'lad24', 'imd2025.imd.score');
    expect(await other.getByTestId('practice-key').count()).toBe(0);
    expect(await other.getByTestId('drawer').count()).toBe(0);
    expect(await other.locator('.notice').allInnerTexts()).toEqual([]);
    await other.close();
  });

  it('Enter on a practice in the funnel plot selects it on the map and opens its profile', async () => {
    const { page } = s;
    const plot = page.getByTestId('funnel-plot');
    await plot.waitFor({ timeout: 120_000 });
    await plot.focus();
    await page.keyboard.press('ArrowRight');
    const readout = await page.getByTestId('funnel-readout').innerText();
    const code = /\(([A-Z]\d{5})\)/.exec(readout)![1];
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('practice-profile-practice').locator('h3').innerText(), { timeout: 60_000 }).toContain(`(${code})`);
    expect(await page.getByTestId('funnel-picked').innerText()).toContain(code);
  });

  it('outside the Practices tab, practices show only when ticked', async () => {
    const { page } = s;
    await page.getByTestId('tab-map').click();
    await expect.poll(() => page.getByTestId('practice-key').count()).toBe(0);
    await page.getByTestId('show-practices').check();
    await page.getByTestId('practice-key').waitFor();
  });

  it('has no accessibility violations and no page errors', async () => {
    const { page } = s;
    await page.getByTestId('practice-table-open').click();
    expect(await axeViolations(page, '[data-testid=drawer]')).toEqual([]);
    expect(await axeViolations(page, '[data-testid=map-key]')).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
