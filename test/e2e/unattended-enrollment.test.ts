import type { FastifyInstance } from 'fastify';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import type { ClientConfig } from '../../shared/client-config';
import { expectTextContaining, expectValue, launchChromium, loginAs, screenshotOnFailure } from '../helpers/browser';
import { TestServer } from '../helpers/test-server';

/**
 * First start of a PC the installer configured: build/installer.nsh wrote config.json, Electron's
 * main process hands it to the renderer (getClientConfig); served to a browser, the same object
 * is sen-config.json beside index.html. With a code and a name the PC enrolls without anyone
 * typing and shows the sign-in page; a refused code or an unreachable address shows why, in
 * Vietnamese, on the enrollment page filled in from the file.
 */
describe('unattended enrollment from the installer’s config.json', () => {
  let browser: Browser;
  let server: TestServer;
  const clientHosts: FastifyInstance[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await TestServer.start();
  });
  afterAll(async () => {
    await server.close();
    await browser.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    for (const host of clientHosts.splice(0)) await host.close();
  });

  /** A new PC whose installer wrote `config`, started for the first time. */
  async function firstStart(config: ClientConfig, testName: string): Promise<Page> {
    const host = await serveClient({ distDir: RENDERER_DIST, port: 0, config });
    clientHosts.push(host);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    pages.push(page);
    screenshotOnFailure(() => pages, testName);
    await page.goto(listeningUrl(host));
    return page;
  }

  const devicesNamed = async (name: string): Promise<number> =>
    (await server.database.query(`SELECT 1 FROM devices WHERE name = $1`, [name])).length;

  it('enrolls on its own with the code and the name, then shows the sign-in page', async ({ task }) => {
    const page = await firstStart(
      { serverUrl: server.url, enrollmentCode: DEMO_ENROLLMENT_CODE, deviceName: 'Khoa khám 1' },
      task.name,
    );
    await page.locator('.login').waitFor({ timeout: 20_000 });
    expect(await page.locator('.enroll').count()).toBe(0);
    expect(await devicesNamed('Khoa khám 1')).toBe(1);
    await loginAs(page, 'bacsi');
  });

  it('a refused code: the reason in Vietnamese, the page filled in, the code corrected by keyboard', async ({
    task,
  }) => {
    const page = await firstStart(
      { serverUrl: server.url, enrollmentCode: 'SAI-0000', deviceName: 'Tiếp đón 2' },
      task.name,
    );
    const alert = page.getByRole('alert');
    await expectTextContaining(alert, 'Máy chưa tự đăng ký được theo tệp cấu hình của bộ cài đặt.');
    await expectTextContaining(alert, 'Mã đăng ký không đúng, đã dùng hoặc đã hết hạn.');
    await expectValue(page.getByLabel('Địa chỉ máy chủ tỉnh'), server.url);
    await expectValue(page.getByLabel('Tên máy (ví dụ: Tiếp đón 1)'), 'Tiếp đón 2');
    // The cursor waits in the field to correct.
    const code = page.getByLabel('Mã đăng ký máy');
    await expect.poll(() => code.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(DEMO_ENROLLMENT_CODE);
    await page.keyboard.press('Enter');
    await page.locator('.login').waitFor({ timeout: 20_000 });
    expect(await devicesNamed('Tiếp đón 2')).toBe(1);
  });

  it('an address nothing answers at: says so, and enrolls once the address is corrected', async ({ task }) => {
    const deadUrl = `http://127.0.0.1:${String(await closedPort())}`;
    const page = await firstStart(
      { serverUrl: deadUrl, enrollmentCode: DEMO_ENROLLMENT_CODE, deviceName: 'Xét nghiệm 1' },
      task.name,
    );
    const alert = page.getByRole('alert');
    await expectTextContaining(alert, 'Không kết nối được tới máy chủ tỉnh.');
    const address = page.getByLabel('Địa chỉ máy chủ tỉnh');
    await expectValue(address, deadUrl);
    await expectValue(page.getByLabel('Mã đăng ký máy'), DEMO_ENROLLMENT_CODE);
    await expect.poll(() => address.evaluate((input) => input === document.activeElement)).toBe(true);
    await address.fill(server.url);
    await address.press('Enter');
    await page.locator('.login').waitFor({ timeout: 20_000 });
    expect(await devicesNamed('Xét nghiệm 1')).toBe(1);
  });
});

/** A loopback port nothing listens on: taken from the OS, then given back. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}
