import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import { seedDemoCatalogs } from '../../server/demo/demo-catalogs';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { launchChromium, loginAs, screenshotOnFailure } from './browser';
import { TestServer } from './test-server';

export interface FacilityInBrowsers {
  /** This test's province server (started before each test, closed after it). */
  server(): TestServer;
  /** Where the built client is served, enrolling to that server on first load. */
  clientUrl(): string;
  /** A new PC of the demo facility: its own browser profile, enrolled, online, `username` logged in. */
  openPc(username: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** A new PC loading the client served at `url` (another facility's, enrolling with its code). */
  openPcAt(url: string, username: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * The setup every clinical end-to-end test shares, registered as the calling `describe`'s hooks:
 * one Chromium for the file; per test a server with the demo facility (and its catalogs unless
 * told otherwise), the built client served beside it, and every PC opened closed afterwards.
 * `prepare` runs on the started server before the client is served (a history pushed by another
 * PC, say); `deviceName` names the PCs it enrolls. Hooks a test file adds after calling this run after these, and their after-hooks before.
 */
export function facilityInBrowsers(
  options: { catalogs?: boolean; deviceName?: string; prepare?: (server: TestServer) => Promise<void> } = {},
): FacilityInBrowsers {
  let browser: Browser;
  let server: TestServer | undefined;
  let clientHost: FastifyInstance | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async ({ task }) => {
    server = await TestServer.start();
    if (options.catalogs ?? true) await seedDemoCatalogs(server.database);
    await options.prepare?.(server);
    clientHost = await serveClient({
      distDir: RENDERER_DIST,
      port: 0,
      config: { serverUrl: server.url, enrollmentCode: DEMO_ENROLLMENT_CODE, deviceName: options.deviceName ?? 'e2e' },
    });
    screenshotOnFailure(() => pages, task.name);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    await clientHost?.close();
    await server?.close();
  });

  const clientUrl = (): string => {
    if (!clientHost) throw new Error('no client served outside a test');
    return listeningUrl(clientHost);
  };
  const openPcAt = async (url: string, username: string, viewport = { width: 1366, height: 900 }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(url);
    await expect
      .poll(() => page.getByTestId('sync-connection').textContent(), { timeout: 20_000 })
      .toContain('Trực tuyến');
    await loginAs(page, username);
    return page;
  };
  return {
    server: () => {
      if (!server) throw new Error('no server outside a test');
      return server;
    },
    clientUrl,
    openPc: (username, viewport) => openPcAt(clientUrl(), username, viewport),
    openPcAt,
  };
}
