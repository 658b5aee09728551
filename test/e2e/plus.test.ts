/**
 * Issue 13 end to end, offline in Debian Chromium: the Core20 + ethnic-group overlap preset (its
 * group defined on the way, residents of the group counted in every cell, checked against the raw
 * Census and IMD files), the stage-at-diagnosis map at ICB and Cancer Alliance (2022) level with the
 * 75 % ambition on the legend and the trend chart, a focus on a 2022 alliance, and a shortlist's
 * "who it reaches" profile beside its ICB and England. Screenshots in test/output; axe on each.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetRule } from '../../src/app/combine/rule-presets';
import { DEFAULT_COMBINE } from '../../src/state/combine-spec';
import { makeEthnicGroup } from '../../src/state/ethnic-groups-spec';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas } from '../support/raw-geography';
import { rawImd2019OnLsoa21 } from '../support/raw-imd';
import { rawStage, rawTs021, stageSums } from '../support/raw-plus';
import { linkTo, waitForView } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { collectErrors, launch, offlineContext, startPreview, type OfflineContext, type Server } from './support/browser';
import { mapPixels } from './support/map-pixels';

const GM = 'E54000057';
const lsoas = rawLsoas();
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

let server: Server;
let browser: Browser;
let ctx: OfflineContext;
let page: Page;
let errors: string[];

async function shot(p: Page, name: string) {
  await p.screenshot({ path: `test/output/e2e-plus-${name}.png` });
  return mapPixels(p);
}

async function noAxe(p: Page) {
  const v = await axeViolations(p);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

beforeAll(async () => {
  server = await startPreview('/');
  browser = await launch();
  ctx = await offlineContext(browser);
  page = await ctx.context.newPage();
  errors = collectErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Core20 and ethnic group (Census 2021) as an overlap rule', () => {
  it('applies the preset, defines "Black, Asian, Mixed and Other ethnic groups" and counts their residents in each cell, as the raw files give', async () => {
    await page.goto(linkTo(server.url, { mode: 'rules', combine: DEFAULT_COMBINE, focus: { level: 'icb24', code: GM }, viewport: { longitude: -2.25, latitude: 53.5, zoom: 9 } }));
    await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready' && (document.getElementById('root')?.dataset.view ?? '').startsWith('lsoa21|rules|'), undefined, { timeout: 180_000 });
    await page.getByTestId('tab-combine').click();
    await page.getByTestId('rule-preset-core20-ethnicity').click();
    const summary = page.getByTestId('rule-summary');
    await summary.getByText(/of whom/).waitFor({ timeout: 180_000 });
    await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 180_000 });

    // The same rule from the raw files: the preset's Core20 test, and ≥ 30 % of TS021 residents in the four groups.
    // The preset's Core20 test at LSOA level: IMD decile 1-2 of the preset's edition (IMD 2019 carried onto LSOA 2021, or IMD 2025).
    const core20 = presetRule('core20', 'lsoa21', false).conditions[0];
    expect(['imd2019.imd.decile', 'imd2025.imd.decile']).toContain(core20.indicator);
    const decile = core20.indicator === 'imd2019.imd.decile'
      ? new Map([...rawImd2019OnLsoa21()].map(([code, v]) => [code, v.decile.imd]))
      : new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, num(r.IMD_decile)]));
    const group = makeEthnicGroup('x', ['asian', 'black', 'mixed', 'other'])!;
    const cells = new Map<string, { areas: number; residents: number; group: number }>();
    for (const l of lsoas.filter((x) => x.icb === GM)) {
      const e = rawTs021().get(l.code)!;
      const bamo = group.members.reduce((s, m) => s + e.counts[m], 0);
      const key = `${decile.get(l.code)! <= 2 ? 1 : 0}${(100 * bamo) / e.total >= 30 ? 1 : 0}`;
      const c = cells.get(key) ?? { areas: 0, residents: 0, group: 0 };
      cells.set(key, { areas: c.areas + 1, residents: c.residents + l.pop, group: c.group + bamo });
    }
    const all = cells.get('11')!;
    const text = await summary.innerText();
    expect(text).toContain(`${fmt(all.areas)} areas`);
    expect(text).toContain(`${fmt(all.residents)} residents`);
    expect(text).toContain(`of whom ${fmt(all.group)} Black, Asian, Mixed and Other ethnic groups`);
    // Each row: a dot per condition (● met), then conditions met, areas, residents, share and the group's residents.
    const rows = await page.getByTestId('rule-counts').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.length).toBe(cells.size);
    for (const [key, c] of cells) {
      const row = rows.find((r) => r.slice(0, 2).map((d) => (d.startsWith('●') ? '1' : '0')).join('') === key);
      expect(row, `cell ${key}`).toBeDefined();
      expect([row![3], row![4], row![6]]).toEqual([fmt(c.areas), fmt(c.residents), fmt(c.group)]);
    }
    const conditions = await page.getByTestId('rule-counts').locator('.rule-keys').innerText();
    expect(conditions).toMatch(/Black, Asian, Mixed and Other ethnic groups.*≥ 30 ?%/);
    expect((await shot(page, 'rule')).drawn).toBeGreaterThan(0.05);
    await page.getByTestId('rule-counts').screenshot({ path: 'test/output/e2e-plus-rule-counts.png' });
    await page.getByTestId('tab-map').click();
    await page.getByTestId('group-select').selectOption('Ethnic group (Census 2021)');
    await page.getByTestId('ethnic-groups').locator('summary').click();
    await expect.poll(() => page.getByTestId('ethnic-groups').innerText()).toContain('Black, Asian, Mixed and Other ethnic groups');
    await page.getByTestId('ethnic-groups').screenshot({ path: 'test/output/e2e-plus-ethnic-groups.png' });
    await noAxe(page);
  });
});

describe('stage at diagnosis (NDRS)', () => {
  const stage = rawStage();
  it('maps the early-stage share by ICB with the 75 % ambition marked on the legend, and its trend with the ambition line', async () => {
    await page.goto('about:blank');
    await page.goto(linkTo(server.url, { level: 'icb24', indicator: 'cancer.stage.early', dims: {}, selected: GM }));
    await waitForView(page, 'icb24', 'cancer.stage.early', 180_000);
    const icbNames = [...new Set(stage.filter((r) => r.type === 'Integrated Care Board').map((r) => r.name))];
    const reach = icbNames.filter((n) => {
      const s = stageSums(stage.filter((r) => r.type === 'Integrated Care Board' && r.name === n && r.year === 2022));
      return (100 * s.early) / s.staged >= 75;
    }).length;
    expect(await page.getByTestId('legend-target').innerText()).toBe(`75 %: NHS Long Term Plan ambition: 75 % of cancers diagnosed at stage 1 or 2 by 2028 (${reach} of 42 areas reach it)`);
    expect(await page.getByTestId('legend').innerText()).toMatch(/Cancers diagnosed at stage 1 or 2/);
    const panel = page.getByTestId('detail-panel');
    await panel.getByTestId('trend-target').first().waitFor({ timeout: 120_000 });
    // 2020 is marked on the stage trend itself: a named hatched band, a hollow point, and the caveat in words.
    const flag = panel.getByTestId('trend-flag').first();
    expect(await flag.getAttribute('data-year')).toBe('2020');
    expect(await flag.locator('text').textContent()).toBe('2020: COVID-19');
    expect(await panel.getByTestId('trend-flag-point').count()).toBeGreaterThan(0);
    expect(await panel.locator('.trend-flag-note').first().innerText()).toMatch(/^Hatched band and hollow point: 2020 \(COVID-19\)\. 2020: diagnoses fell during the COVID-19 pandemic/);
    const gm = stageSums(stage.filter((r) => r.type === 'Integrated Care Board' && r.name === 'NHS Greater Manchester Integrated Care Board' && r.year === 2022));
    const early = panel.locator('tr', { hasText: 'Early stage (1–2) %' });
    expect(await early.innerText()).toContain(`${((100 * gm.early) / gm.staged).toFixed(1)} % (95 % CI`);
    expect(await early.innerText()).toMatch(/(Significantly (higher|lower) than England \((better|worse)\)|Similar to England)/);
    expect((await shot(page, 'stage-icb')).drawn).toBeGreaterThan(0.1);
    await noAxe(page);
  });

  it('maps the 21 Cancer Alliances of the 2022 mapping, East of England North and South built from their ICBs', async () => {
    await page.goto('about:blank');
    await page.goto(linkTo(server.url, { level: 'cal22', indicator: 'cancer.stage.early', dims: { period: '2021-2022', site: 'all' }, selected: 'E56000022' }));
    await waitForView(page, 'cal22', 'cancer.stage.early', 180_000);
    await page.getByTestId('legend-target').waitFor();
    expect((await shot(page, 'stage-cal22')).drawn).toBeGreaterThan(0.1);
    await page.getByTestId('toggle-table').click();
    expect(await page.getByTestId('drawer').locator('.area-table .hint').innerText()).toMatch(/^21 areas/);
    await page.getByTestId('toggle-table').click();
    const north = ['NHS Cambridgeshire and Peterborough Integrated Care Board', 'NHS Norfolk and Waveney Integrated Care Board', 'NHS Suffolk and North East Essex Integrated Care Board'];
    const s = stageSums(stage.filter((r) => r.type === 'Integrated Care Board' && north.includes(r.name) && r.year >= 2021));
    const panel = page.getByTestId('detail-panel');
    expect(await panel.locator('h2').innerText()).toBe('East of England - North');
    expect(await panel.locator('tr', { hasText: 'Early stage (1–2) %' }).innerText()).toContain(`${((100 * s.early) / s.staged).toFixed(1)} %`);
    await noAxe(page);
    // The ambition is for all cancers together: a single site shows no mark.
    await page.getByTestId('tab-map').click();
    await page.getByTestId('dim-site').selectOption('lung');
    await page.waitForFunction(() => (document.getElementById('root')?.dataset.view ?? '').includes('lung') && document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 120_000 });
    expect(await page.getByTestId('legend-target').count()).toBe(0);
    await shot(page, 'stage-cal22-lung');
  });

  it('focuses on a 2022 Cancer Alliance', async () => {
    await page.getByTestId('focus-select').selectOption('cal22:E56000019');
    await page.getByTestId('level-select').selectOption('icb24');
    await waitForView(page, 'icb24', 'cancer.stage.early', 180_000);
    await page.getByTestId('toggle-table').click();
    expect(await page.getByTestId('drawer').locator('.area-table .hint').innerText()).toMatch(/^1 area\./);
    expect(await page.getByTestId('drawer').locator('tbody tr[aria-rowindex]').first().innerText()).toContain('NHS Greater Manchester Integrated Care Board');
    await page.getByTestId('toggle-table').click();
    await shot(page, 'focus-cal22');
  });
});

describe('stage at diagnosis below ICB level', () => {
  it('shows each local authority its ICB\'s value, outlined and labelled as inherited, with the COVID-19 caveat for 2020', async () => {
    await page.goto('about:blank');
    await page.goto(linkTo(server.url, { level: 'lad24', indicator: 'cancer.stage.early', dims: { period: '2020', site: 'all' }, selected: 'E08000003' }));
    await waitForView(page, 'lad24', 'cancer.stage.early', 180_000);
    const legend = page.getByTestId('legend');
    await expect.poll(() => legend.innerText(), { timeout: 60_000 }).toMatch(/outlined areas share one value/);
    expect(await legend.innerText()).toContain('2020: diagnoses fell during the COVID-19 pandemic');
    expect(await page.getByTestId('dim-period').locator('option:checked').innerText()).toBe('2020 (COVID-19: fewer diagnoses)');
    // Manchester's row is Greater Manchester ICB's 2020 share, named as that ICB's value.
    const gm = stageSums(rawStage().filter((r) => r.type === 'Integrated Care Board' && r.name === 'NHS Greater Manchester Integrated Care Board' && r.year === 2020));
    const row = page.getByTestId('detail-panel').locator('tr', { hasText: 'Early stage (1–2) %' });
    await row.waitFor({ timeout: 120_000 });
    expect(await row.innerText()).toContain(`${((100 * gm.early) / gm.staged).toFixed(1)} %`);
    expect(await page.getByTestId('detail-panel').innerText()).toContain(`Value for NHS Greater Manchester Integrated Care Board (ICB ${GM}); not measured for this area itself.`);
    expect((await shot(page, 'stage-lad-inherited')).drawn).toBeGreaterThan(0.1);
    await noAxe(page);
  });
});

describe('a shortlist of 2022 Cancer Alliances', () => {
  it('lists an alliance and exports who it reaches with the CSV bundle', async () => {
    await page.goto('about:blank');
    await page.goto(linkTo(server.url, {
      level: 'cal22', indicator: 'cancer.stage.early', dims: {},
      shortlist: { level: 'cal22', title: 'Greater Manchester alliance', items: [{ code: 'E56000019', note: '' }], columns: [] },
    }));
    await waitForView(page, 'cal22', 'cancer.stage.early', 180_000);
    await page.getByTestId('tab-shortlist').click();
    await page.getByTestId('shortlist-reach').waitFor({ timeout: 180_000 });
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-csv').click()]);
    const file = 'test/output/e2e-plus-cal22-shortlist.zip';
    await dl.saveAs(file);
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    const reachName = Object.keys(files).find((n) => n.endsWith('-who-it-reaches.csv'));
    expect(reachName, Object.keys(files).join(', ')).toBeDefined();
    const [header, ...body] = Papa.parse<string[]>(strFromU8(files[reachName!]).replace(/^\uFEFF/, '').trim(), { skipEmptyLines: true }).data;
    const col = (h: string) => header.indexOf(h);
    // The Greater Manchester alliance is exactly Greater Manchester ICB (2022 mapping): its residents from the raw Census file.
    const residents = lsoas.filter((l) => l.icb === GM).reduce((s, l) => s + l.pop, 0);
    const all = body.filter((r) => r[col('Measure')] === 'All usual residents');
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(Number(all[0][col('Value')])).toBe(residents);
    expect(all[all.length - 1][col('Area')]).toBe('England');
    expect(body.some((r) => r[col('Estimate')] === 'estimate' && /55–74/.test(r[col('Measure')]))).toBe(true);
    const table = strFromU8(files[Object.keys(files).find((n) => !n.includes('method') && !n.includes('who-it-reaches'))!]);
    expect(table).toContain('E56000019');
    await shot(page, 'cal22-shortlist');
    await noAxe(page);
  });
});

describe('who a shortlist reaches', () => {
  it('profiles the shortlisted wards beside their ICB and England, with the screening estimates marked as estimates', async () => {
    const wards = [...new Set(lsoas.filter((l) => l.icb === GM && l.lad === 'E08000003').map((l) => l.ward))].sort().slice(0, 8);
    await page.goto('about:blank');
    await page.goto(linkTo(server.url, {
      level: 'ward24', indicator: 'imd2025.imd.score', focus: { level: 'icb24', code: GM }, viewport: { longitude: -2.24, latitude: 53.47, zoom: 10.5 },
      shortlist: { level: 'ward24', title: 'Manchester wards', items: wards.map((code) => ({ code, note: '' })), columns: [] },
    }));
    await waitForView(page, 'ward24', 'imd2025.imd.score', 180_000);
    await page.getByTestId('tab-shortlist').click();
    const table = page.getByTestId('shortlist-reach');
    await table.waitFor({ timeout: 180_000 });
    const head = await table.locator('thead').innerText();
    expect(head).toMatch(/Shortlist[\s\S]*NHS Greater Manchester Integrated Care Board[\s\S]*England/);
    const inWards = lsoas.filter((l) => wards.includes(l.ward));
    const residents = inWards.reduce((s, l) => s + l.pop, 0);
    const eth = inWards.reduce((s, l) => ({ asian: s.asian + rawTs021().get(l.code)!.counts.asian, total: s.total + rawTs021().get(l.code)!.total }), { asian: 0, total: 0 });
    // Rows by their full label (the th's title); cells as text: the number, then its share or range.
    const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.getAttribute('title') ?? '', ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')]));
    const row = (label: string) => cells.find((r) => r[0] === label)!.slice(1);
    expect(row('All usual residents')[0]).toBe(fmt(residents));
    expect(row('Asian, Asian British or Asian Welsh')[0]).toBe(`${fmt(eth.asian)}(${((100 * eth.asian) / eth.total).toFixed(1)}%)`);
    for (const label of ['Residents aged 55–74', 'Of whom have ever smoked (current + ex)']) {
      expect(cells.some((r) => r[0] === `${label} (estimate)`), label).toBe(true);
      for (const c of row(`${label} (estimate)`)) expect(c).toMatch(/^\d[\d,]*\(\d[\d,]*–\d[\d,]*\)$/);
    }
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'shortlist-reach');
    await noAxe(page);
  });

  it('ran without console errors and without a request leaving the machine', () => {
    expect(errors).toEqual([]);
    expect(ctx.blocked).toEqual([]);
  });
});
