import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { adminSession } from '../helpers/admin-accounts';
import { adminRequest } from '../helpers/admin-requests';
import { launchChromium, loginAs, screenshotOnFailure } from '../helpers/browser';
import { TestServer } from '../helpers/test-server';
import { makeUpdatesFolder, writeRelease } from '../helpers/update-releases';

describe('updates from the province in the browser client', () => {
  let browser: Browser;
  let server: TestServer;
  let clientHost: FastifyInstance;
  let folder: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    folder = await makeUpdatesFolder();
    server = await TestServer.start({ updatesDir: folder });
    clientHost = await serveClient({
      distDir: RENDERER_DIST,
      port: 0,
      config: { serverUrl: server.url, enrollmentCode: DEMO_ENROLLMENT_CODE, deviceName: 'e2e-updates' },
    });
  });
  afterAll(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    await browser.close();
    await clientHost.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('shows "Có phiên bản mới" when a newer version is staged for its facility', async ({ task }) => {
    screenshotOnFailure(() => pages, task.name);
    // The province publishes 0.2.0 to the demo facility first (the client runs 0.1.0).
    await writeRelease(folder, '0.2.0');
    const admin = (await adminSession(server.url, 'dongbo', 'sync-admin')).token;
    expect((await adminRequest(server.url, 'POST', '/updates/releases', { version: '0.2.0' }, admin)).status).toBe(201);
    const staged = await adminRequest(
      server.url,
      'POST',
      '/updates/releases/0.2.0/rollout',
      { facilities: ['10010'] },
      admin,
    );
    expect(staged.status).toBe(200);

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(listeningUrl(clientHost));
    await expect
      .poll(() => page.getByTestId('sync-connection').textContent(), { timeout: 20_000 })
      .toContain('Trực tuyến');
    await loginAs(page);
    await expect
      .poll(() => page.getByTestId('update-notice').textContent(), { timeout: 20_000 })
      .toBe('Có phiên bản mới 0.2.0');
    // A notice, not a dialog: the desk stays usable.
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
