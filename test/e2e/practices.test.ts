/**
 * Issue 12, first slice, end to end: the Practices tab's funnel plot in the built app (Debian
 * Chromium, offline). What it shows must equal loadPracticeFunnel in node on the same built tables
 * (whose limits test/parity/practice-funnel-parity.test.ts checks against R); here: the plot draws,
 * hover and the keyboard name practices, the outlier table lists them, and axe finds nothing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPracticeValues } from '../../src/data/practice-data';
import { loadFunnelSubIcbs, loadPracticeFunnel, type PracticeFunnel } from '../../src/data/practice-funnel';
import { QueryRunner } from '../../src/data/query-runner';
import { openBuiltDataDb } from '../support/node-db';
import { INJECTION, practiceFile } from '../support/practice-file';
import { addPracticeShareFile, expectPracticeShareFunnel } from './support/your-data-page';
import { findIndicator } from '../../src/data/catalogue';
import { isPaletteId } from '../../src/map/palettes';
import { decodeStateHash } from '../../src/state/url-state';
import { num, rawRows } from '../support/raw-csv';
import { axeViolations } from './support/axe';
import { closeAtlasSession, openAtlasSession, ROOT, type AtlasSession } from './support/browser';

const OUT = join(ROOT, 'test/output/practices');
mkdirSync(OUT, { recursive: true });

let s: AtlasSession;
let want: PracticeFunnel;
let nbhd: Map<string, number | null>;
beforeAll(async () => {
  const [session, db] = await Promise.all([openAtlasSession('/', { open: true }), openBuiltDataDb()]);
  s = session;
  const q = new QueryRunner(db);
  want = await loadPracticeFunnel(q, 'qof.copd.prevalence');
  nbhd = new Map((await loadPracticeValues(q, 'practice.neighbourhood.imd2025.score', 'practice')).map((r) => [r.code, r.value]));
}, 300_000);

afterAll(async () => {
  await closeAtlasSession(s ?? {});
});

describe('Practices tab: funnel plot of a QOF register', () => {
  it('draws every practice against England with 95 % and 99.8 % limits, and lists the 99.8 % outliers', async () => {
    const { page } = s;
    await page.getByTestId('tab-practices').click();
    await page.getByTestId('funnel-measure').selectOption('qof.copd.prevalence');
    const plot = page.getByTestId('funnel-plot');
    await plot.waitFor({ timeout: 120_000 });
    await expect.poll(() => page.locator('.funnel-plot figcaption').innerText(), { timeout: 60_000 }).toContain('Chronic obstructive pulmonary disease register');
    const caption = await page.locator('.funnel-plot figcaption').innerText();
    expect(caption).toContain(`${want.points.length.toLocaleString('en-GB')} practices against England (${want.target.toFixed(2)}%)`);
    expect(await plot.locator('circle, rect, [data-testid=funnel-beyond]').count()).toBeGreaterThanOrEqual(want.points.length);
    expect(await page.getByTestId('funnel-limit-95').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){10,}/);
    expect(await page.getByTestId('funnel-limit-998').getAttribute('d')).toMatch(/^M/);
    const outliers = want.points.filter((p) => Math.abs(p.position) === 2);
    expect(await page.locator('#funnel-outliers-title').innerText()).toContain(`${outliers.length.toLocaleString('en-GB')} practices`);
    const rows = await page.getByTestId('funnel-outliers').locator('tbody tr').count();
    expect(rows).toBe(Math.min(100, outliers.length));
    const biggest = [...outliers].sort((a, b) => b.denominator - a.denominator)[0];
    expect(await page.getByTestId('funnel-outliers').locator('tbody tr').first().locator('td').first().innerText()).toBe(biggest.code);
    expect(await page.getByTestId('funnel-overdispersion').innerText()).toMatch(/^\d+ % of practices lie outside the 99.8 % limits/);
    await page.screenshot({ path: join(OUT, 'practices-funnel.png') });
  });

  it('names the practice under the pointer, steps through practices with the arrow keys, and picks one from the table', async () => {
    const { page } = s;
    const plot = page.getByTestId('funnel-plot');
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect.poll(() => page.getByTestId('funnel-readout').innerText()).toMatch(/\([A-Z]\d{5}\): [\d.]+% of [\d,]+/);
    await page.mouse.move(5, 5);
    await plot.focus();
    await page.keyboard.press('ArrowRight');
    const smallest = [...want.points].sort((a, b) => a.denominator - b.denominator)[0];
    expect(await page.getByTestId('funnel-readout').innerText()).toContain(`(${smallest.code})`);
    const first = page.getByTestId('funnel-outliers').locator('tbody tr').first();
    await first.getByRole('button').click();
    expect(await page.getByTestId('funnel-picked').innerText()).toContain(await first.locator('td').first().innerText());
    expect(await page.getByTestId('funnel-picked').innerText()).toMatch(/(above|below) the 99\.8 % limit/);
  });

  it('gives each listed practice its neighbourhood IMD 2025 score (approximate), as the practice SQL computes it', async () => {
    const { page } = s;
    const table = page.getByTestId('funnel-outliers');
    expect(await table.locator('thead th').last().innerText()).toBe('Neighbourhood IMD 2025 score (approximate)');
    await expect.poll(() => table.locator('tbody tr').first().locator('td').last().innerText(), { timeout: 60_000 }).not.toBe('…');
    const rows = await table.locator('tbody tr').all();
    for (const row of rows.slice(0, 20)) {
      const code = await row.locator('td').first().innerText();
      const v = nbhd.get(code);
      expect(await row.locator('td').last().innerText(), code).toBe(v == null ? '–' : v.toFixed(1));
    }
    expect(await page.getByTestId('funnel-picked').innerText()).toMatch(/Neighbourhood \(approximate, the 10 LSOAs nearest the practice\): (IMD 2025 score [\d.]+, Core20 \d+ % of residents|not located)\./);
  });

  it('compares within a Sub-ICB (its practices only, limits around its value) and allows for overdispersion, with fewer outliers', async () => {
    const { page } = s;
    const db = new QueryRunner(await openBuiltDataDb());
    const [sub] = await loadFunnelSubIcbs(db);
    const local = await loadPracticeFunnel(db, 'qof.copd.prevalence', { sicbl: sub.code, limits: 'exact' });
    const adjusted = await loadPracticeFunnel(db, 'qof.copd.prevalence', { sicbl: null, limits: 'overdispersed' });
    const outside = (f: PracticeFunnel) => f.points.filter((p) => Math.abs(p.position) === 2).length;
    // the Sub-ICB's value is the sum of its practices' registers over the sum of their lists
    expect(local.target).toBeCloseTo((100 * local.points.reduce((t, p) => t + p.numerator, 0)) / local.points.reduce((t, p) => t + p.denominator, 0), 9);
    await page.getByTestId('funnel-comparator').selectOption(sub.code);
    await expect.poll(() => page.locator('.funnel-plot figcaption').innerText(), { timeout: 60_000 }).toContain(`${local.points.length.toLocaleString('en-GB')} practices against ${sub.name} (${local.target.toFixed(2)}%)`);
    expect(await page.locator('#funnel-outliers-title').innerText()).toContain(`${outside(local).toLocaleString('en-GB')} practice`);
    await page.getByTestId('funnel-comparator').selectOption('');
    await page.getByTestId('funnel-limits').selectOption('overdispersed');
    await expect.poll(() => page.getByTestId('funnel-method').innerText(), { timeout: 60_000 }).toMatch(/^Limits allow for overdispersion: Spiegelhalter's \(2005\) additive random effects/);
    await expect.poll(() => page.locator('#funnel-outliers-title').innerText()).toContain(`${outside(adjusted).toLocaleString('en-GB')} practice`);
    expect(outside(adjusted)).toBeLessThan(outside(want));
    expect(await page.getByTestId('funnel-method').innerText()).toContain(`φ = ${adjusted.dispersion.phi.toFixed(1)}`);
    await page.screenshot({ path: join(OUT, 'practices-overdispersed.png') });
  }, 120_000);

  it('finds the practices meeting a rule (cancer register and list size), as recomputed from the raw QOF file, and adds them to the shortlist', async () => {
    const { page } = s;
    // independent recomputation: cancer register ÷ whole list (type TOTAL) from the raw file
    const can = rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz').filter((r) => r.GROUP_CODE === 'CAN');
    const want = can.filter((r) => num(r.PRACTICE_LIST_SIZE) >= 20_000 && (100 * num(r.REGISTER)) / num(r.PRACTICE_LIST_SIZE) >= 4).map((r) => r.PRACTICE_CODE).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThanOrEqual(200);
    const find = page.getByTestId('practice-find');
    await find.getByTestId('find-add').click();
    await find.getByTestId('find-test-0').selectOption('at-least');
    await find.getByTestId('find-value-0').fill('4');
    await find.getByTestId('find-add').click();
    await find.getByTestId('find-measure-1').selectOption('qof.list_size');
    // list size has no interval: the significance tests are offered but disabled
    expect(await find.getByTestId('find-test-1').locator('option[value=significantly-above]').isDisabled()).toBe(true);
    await find.getByTestId('find-test-1').selectOption('at-least');
    await find.getByTestId('find-value-1').fill('20000');
    await expect.poll(() => find.getByTestId('find-count').innerText(), { timeout: 60_000 }).toBe(`${want.length} practices in England meet all 2 conditions.`);
    const codes = await find.getByTestId('find-results').locator('tbody tr td:first-of-type').allInnerTexts();
    expect([...codes].sort()).toEqual(want);
    await page.screenshot({ path: join(OUT, 'practices-find.png') });
    // the conditions are in the share link
    const linked = async () => {
      const hash = await page.evaluate(() => location.hash);
      const find = decodeStateHash(hash, { isIndicator: (id: string) => findIndicator(id) !== undefined, isPalette: isPaletteId })?.state.practices.find;
      return find?.conditions.map((c) => [c.measure, c.test]);
    };
    await expect.poll(linked, { timeout: 30_000 }).toEqual([['qof.can.prevalence', { kind: 'at-least', value: 4 }], ['qof.list_size', { kind: 'at-least', value: 20000 }]]);
    await find.getByTestId('find-shortlist').click();
    await page.getByTestId('tab-shortlist').click();
    const listed = page.getByTestId('shortlist-practices');
    await expect.poll(() => listed.innerText(), { timeout: 60_000 }).toContain(`(${want[0]}`);
    const text = await listed.innerText();
    expect(want.every((c) => text.includes(`(${c}`))).toBe(true);
    await page.getByTestId('tab-practices').click();
  }, 180_000);

  it('has no accessibility violations and no page errors', async () => {
    expect(await axeViolations(s.page, '[data-testid=practices-panel]')).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});

describe("Practices tab: a GP practice file's share of a list as a practice measure", () => {
  it('drops a generated practice file, maps screened / eligible as a share, and plots it around the file\'s England value', async () => {
    const { page } = s;
    const f = practiceFile(40);
    const label = 'Screening coverage';
    await page.getByTestId('tab-your-data').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=your-data-panel]')?.getAttribute('data-references') === 'ready', undefined, { timeout: 120_000 });
    await addPracticeShareFile(page, 'screening-practices.csv', f.text, label);
    await page.getByTestId('yd-dataset').first().waitFor({ timeout: 120_000 });

    const option = await expectPracticeShareFunnel(page, 'screening-practices.csv', label, f.england);
    await expect.poll(() => page.getByTestId('funnel-user-missing').innerText(), { timeout: 60_000 }).toContain(`1 practice of screening-practices.csv is not in QOF 2022-23 (closed or merged) and is left out of the funnel: ${f.closed}.`);
    // each PCN sums its member practices' numerators and denominators
    const pcn = f.chosen[0].PCN_ODS_CODE;
    const members = f.chosen.filter((m) => m.PCN_ODS_CODE === pcn).map((m) => f.values.get(m.PRACTICE_CODE)!);
    const [k, d] = [members.reduce((t, x) => t + x[0], 0), members.reduce((t, x) => t + x[1], 0)];
    const row = page.getByTestId('funnel-user-pcns').locator('tbody tr', { hasText: pcn });
    await row.waitFor({ timeout: 60_000 });
    expect((await row.locator('td').allInnerTexts()).slice(0, 5)).toEqual([pcn, String(members.length), k.toLocaleString('en-GB'), d.toLocaleString('en-GB'), ((100 * k) / d).toFixed(2)]);
    // names shown are QOF's, never the file's formula
    expect(await page.getByTestId('practices-panel').innerText()).not.toContain(INJECTION);
    await page.screenshot({ path: join(OUT, 'practices-user-file.png') });
    expect(await axeViolations(page, '[data-testid=practices-panel]')).toEqual([]);

    // removing the dataset removes the measure
    await page.getByTestId('tab-your-data').click();
    await page.getByTestId('yd-remove-dataset').first().click();
    await expect.poll(() => page.getByTestId('yd-dataset').count(), { timeout: 60_000 }).toBe(0);
    await page.getByTestId('tab-practices').click();
    expect(await page.getByTestId('funnel-measure').locator('option', { hasText: option }).count()).toBe(0);
    expect(s.errors).toEqual([]);
  }, 300_000);
});
