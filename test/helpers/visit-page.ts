import type { Page } from 'playwright-core';
import { expectTextContaining } from './browser';

/**
 * Adds a diagnosis on the visit page the way a doctor does: words typed into the ICD-10 search
 * (diacritics optional), the arrows down to `code`, Enter; waits until the list shows it.
 */
export async function pickIcd(page: Page, words: string, code: string): Promise<void> {
  await page.locator('#icd-search').focus();
  await page.keyboard.type(words);
  await expectTextContaining(page.getByTestId('icd-options'), code);
  const options = await page.locator('#icd-options [role="option"]').allTextContents();
  const target = options.findIndex((text) => text.startsWith(code));
  for (let step = 0; step < target; step += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expectTextContaining(page.getByTestId('diagnosis-list'), code);
}
