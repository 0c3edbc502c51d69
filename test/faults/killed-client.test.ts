import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import { expectText, launchPersistentChromium, loginAs, screenshotOnFailure } from '../helpers/browser';
import { FaultProxy, PERFECT_LINK } from '../helpers/fault-proxy';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const PATIENTS = 8;

describe('the client process killed in the middle of a push', () => {
  let server: TestServer;
  let proxy: FaultProxy;
  let clientHost: FastifyInstance;
  let profile: string;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeEach(async ({ task }) => {
    server = await TestServer.start();
    proxy = new FaultProxy(() => Number(new URL(server.url).port), PERFECT_LINK);
    await proxy.start();
    clientHost = await serveClient({
      distDir: RENDERER_DIST,
      port: 0,
      config: { serverUrl: proxy.url, enrollmentCode: DEMO_ENROLLMENT_CODE, deviceName: 'reception' },
    });
    profile = mkdtempSync(join(tmpdir(), 'sen-profile-'));
    screenshotOnFailure(() => (page ? [page] : []), task.name);
  });
  afterEach(async () => {
    await context?.close().catch(() => undefined);
    await clientHost.close();
    await proxy.stop();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const open = async (): Promise<Page> => {
    context = await launchPersistentChromium(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(listeningUrl(clientHost));
    await expectText(page.getByTestId('sync-connection'), 'Trực tuyến');
    await loginAs(page);
    return page;
  };
  const storedIds = async (): Promise<string[]> =>
    (await server.database.query<{ id: string }>(`SELECT id FROM sync_documents WHERE collection = 'patients'`)).map(
      (row) => row.id,
    );

  it('sends everything exactly once after a restart, and its counter comes back to 0', async () => {
    const desk = await open();
    // 2 kbit/s: each push takes seconds, so the kill lands while one is on the wire.
    proxy.setProfile({ ...PERFECT_LINK, bytesPerSecond: 250, latencyMs: 300 });
    for (let n = 0; n < PATIENTS; n++) {
      await desk.keyboard.press('F2');
      await desk.locator('#field-familyName').fill('Giàng');
      await desk.locator('#field-middleName').fill('A');
      await desk.locator('#field-givenName').fill(`Páo ${n}`);
      await desk.locator('#field-dateOfBirth').fill('01/01/1980');
      await desk.locator('#field-sex').selectOption('male');
      await desk.locator('#field-provinceCode').selectOption('15');
      await desk.locator('#field-wardCode').selectOption('02647');
      await desk.locator('#field-ethnicityCode').selectOption('08');
      await desk.locator('#field-ethnicityCode').press('Enter');
      await expectText(desk.getByTestId('patient-name'), `Giàng A Páo ${n}`);
    }
    expect(proxy.stats.bytesUp).toBeGreaterThan(0);
    expect((await storedIds()).length).toBeLessThan(PATIENTS);

    // SIGKILL every process of this browser profile: no unload handlers, no flush.
    execFileSync('pkill', ['-9', '-f', profile]);
    await waitFor(() => {
      try {
        execFileSync('pgrep', ['-f', profile]);
        return false;
      } catch {
        return true;
      }
    }, 'the browser is gone');
    await context?.close().catch(() => undefined);

    proxy.setProfile(PERFECT_LINK);
    const restarted = await open();
    await expect
      .poll(() => restarted.getByTestId('sync-unsent').getAttribute('data-count'), { timeout: 30_000 })
      .toBe('0');
    const ids = await storedIds();
    expect(ids).toHaveLength(PATIENTS);
    expect(new Set(ids).size).toBe(PATIENTS);
  });
});
