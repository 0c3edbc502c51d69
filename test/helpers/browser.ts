import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-staff';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, headless, with nothing that calls out to the internet. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The same, keeping its profile (IndexedDB, local storage) in `userDataDir` across launches. */
export function launchPersistentChromium(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
  });
}

/** Keeps a screenshot of each page in test-results/ if the current test fails. */
export function screenshotOnFailure(pages: () => Page[], testName: string): void {
  onTestFailed(async () => {
    mkdirSync('test-results', { recursive: true });
    const slug = testName.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    for (const [index, page] of pages().entries()) {
      if (!page.isClosed()) await page.screenshot({ path: `test-results/${slug}-${index}.png`, fullPage: true });
    }
  });
}

const POLL = { timeout: 15_000 };

/** Waits until the element's text is exactly `text` (vitest has no Playwright matchers). */
export async function expectText(locator: Locator, text: string): Promise<void> {
  await expect
    .poll(async () => ((await locator.count()) > 0 ? (await locator.first().textContent())?.trim() : null), POLL)
    .toBe(text);
}

export async function expectTextContaining(locator: Locator, text: string): Promise<void> {
  await expect
    .poll(async () => ((await locator.count()) > 0 ? await locator.first().textContent() : ''), POLL)
    .toContain(text);
}

export async function expectValue(locator: Locator, value: string): Promise<void> {
  await expect.poll(() => locator.inputValue(), POLL).toBe(value);
}

/** Logs a demo staff member in on the login page (the registrar by default). */
export async function loginAs(page: Page, username = 'tiepdon', password = DEMO_PASSWORD): Promise<void> {
  await waitForAccounts(page);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="password"]').press('Enter');
  await page.getByTestId('current-user').waitFor({ timeout: 15_000 });
}

/** On a new PC the accounts arrive with the first sync, a moment after the stream connects. */
export async function waitForAccounts(page: Page): Promise<void> {
  await expect
    .poll(async () => Number((await page.locator('.login').getAttribute('data-accounts')) ?? 0), POLL)
    .toBeGreaterThan(0);
}
