/** Your data steps the e2e files share. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Drops a generated GP practice file (test/support/practice-file.ts layout) and maps its first value as
 * a share of the "eligible" column, per 100, under the given label; resolves once the dialog is sent.
 */
export async function addPracticeShareFile(page: Page, name: string, text: string, label: string): Promise<void> {
  await page.getByTestId('yd-drop-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  const dialog = page.getByTestId('yd-mapping');
  await dialog.getByTestId('yd-report').waitFor({ timeout: 120_000 });
  await dialog.getByTestId('yd-value-label-0').fill(label);
  await dialog.getByTestId('yd-value-unit-0').selectOption('ratio');
  await dialog.getByTestId('yd-value-denominator-0').selectOption('eligible');
  await dialog.getByTestId('yd-value-kind-0').selectOption('proportion');
  await dialog.getByTestId('yd-value-per-0').selectOption('100');
  await dialog.getByTestId('yd-add').click();
}

/** Opens the Practices tab's funnel on a practice file's share and waits for its caption to name the file's England value. */
export async function expectPracticeShareFunnel(page: Page, file: string, label: string, england: { numerator: number; denominator: number; practices: number }): Promise<string> {
  await page.getByTestId('tab-practices').click();
  const option = `Your data: ${file} – ${label}`;
  await page.getByTestId('funnel-measure').selectOption({ label: option });
  const target = (100 * england.numerator) / england.denominator;
  await expect.poll(() => page.locator('.funnel-plot figcaption').innerText(), { timeout: 120_000 })
    .toContain(`${option}: ${england.practices.toLocaleString('en-GB')} practices against England (your file's practices) (${target.toFixed(2)}%)`);
  return option;
}
