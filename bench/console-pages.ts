import type { Page } from 'playwright-core';
import { parseArgs } from 'node:util';
import { buildConsoleIfStale } from '../scripts/build-console';
import { buildApp } from '../server/app';
import type { Database } from '../server/db/database';
import { openDatabase } from '../server/db/open-database';
import { ensureFacility } from '../server/facilities/facilities';
import type { SignInResponse } from '../shared/admin/admin-api';
import { launchChromium } from '../test/helpers/browser';

/**
 * `npx tsx bench/console-pages.ts [--rounds 10]`: the console's Máy trạm page with 2,000 PCs in
 * headless Chromium against the real server (PGlite, or DATABASE_URL): time from navigation to
 * the first rows, time from "Trang sau" to the next page's rows, and the longest main-thread
 * task (PerformanceObserver 'longtask', which reports only tasks over 50 ms) over both, the
 * background summary count included. Beside it, alternating round by round, a plain page that
 * fetches the same API page and writes the same rows as an HTML string: the ratios say what
 * React, i18n and the page's own work cost over the bare minimum.
 */
const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '10' } } });
const ROUNDS = Number(args.rounds);
const FACILITIES = 40;
const DEVICES = 2_000;
const TOKEN = 'bench-admin';
const SESSION_KEY = 'sen.console.session';

interface Round {
  firstRows: number;
  nextPage: number;
  longestTask: number;
}

async function seed(database: Database): Promise<void> {
  for (let n = 0; n < FACILITIES; n++) {
    await ensureFacility(database, {
      code: String(20000 + n),
      provinceCode: '15',
      name: `Trạm Y tế xã số ${String(n)}`,
    });
  }
  // The same fleet as bench/admin-lists.ts: contacts spread over four days, three versions.
  await database.query(
    `INSERT INTO devices (id, facility_code, name, token_hash, tag, created_at, last_pull_at, last_push_at,
                          app_version, outbox_backlog, audit_backlog, quarantined, reported_at)
     SELECT gen_random_uuid(), (20000 + n % $2)::text, 'Máy ' || n, 'x', n / $2,
            now() - interval '90 days', now() - (n % 97) * interval '1 hour', now() - (n % 89) * interval '1 hour',
            '0.1.' || (n % 3), n % 50, n % 7, n % 2, now()
     FROM generate_series(0, $1 - 1) AS n`,
    [DEVICES, FACILITIES],
  );
  await database.query('ANALYZE');
}

/** The baseline: one fetch of the same page of 50, the same columns as one HTML string. */
function plainPage(token: string): string {
  return `<!doctype html><meta charset="utf-8"><title>plain</title><body><p id="page">0</p>
<table><tbody id="rows"></tbody></table><button id="next">next</button><script>
const esc = (s) => String(s ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
let cursor = null;
let page = 0;
async function load() {
  const query = 'sort=facility&limit=50' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
  const answer = await (await fetch('/admin/v1/fleet?' + query, { headers: { authorization: 'Bearer ${token}' } })).json();
  document.getElementById('rows').innerHTML = answer.devices.map((d) =>
    '<tr data-row><td>' + esc(d.facilityCode) + ' ' + esc(d.facilityName) + '</td><td>' + esc(d.name) + '</td><td>' +
    esc(d.appVersion) + '</td><td>' + esc(d.lastPullAt) + '</td><td>' + esc(d.lastPushAt) + '</td><td>' +
    esc(d.backlog) + '</td><td>' + esc(d.quarantined) + '</td><td>' + esc(d.state) + '</td></tr>').join('');
  cursor = answer.nextCursor;
  document.getElementById('page').textContent = String(++page);
}
document.getElementById('next').onclick = () => void load();
void load();
</script>`;
}

// The in-page measurements are strings: tsx's esbuild would wrap named functions in a `__name`
// helper that does not exist inside the page.

/** Milliseconds from navigation start until `selector` matches, measured in the page. */
function untilPresent(page: Page, selector: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    (function check() {
      if (document.querySelector(${JSON.stringify(selector)})) resolve(performance.now());
      else requestAnimationFrame(check);
    })();
  })`);
}

/** From the click on `button` until the page number reads `expected` with rows under it. */
function nextPageTime(page: Page, button: string, pageNumber: string, expected: string, rows: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const started = performance.now();
    document.querySelector(${JSON.stringify(button)}).click();
    (function check() {
      const shown = document.querySelector(${JSON.stringify(pageNumber)})?.textContent ?? '';
      if (shown.includes(${JSON.stringify(expected)}) && document.querySelector(${JSON.stringify(rows)}))
        resolve(performance.now() - started);
      else requestAnimationFrame(check);
    })();
  })`);
}

const longest = (page: Page): Promise<number> => page.evaluate('window.__longest');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

await buildConsoleIfStale();
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
const app = await buildApp({ database, adminToken: TOKEN });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const url = typeof address === 'object' && address ? `http://127.0.0.1:${String(address.port)}` : '';
const browser = await launchChromium();
try {
  await seed(database);
  const post = async (path: string, body: unknown, token: string | null) => {
    const response = await fetch(`${url}/admin/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${String(response.status)} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  const password = 'bench-dong-bo-2026';
  await post('/accounts', { username: 'benchsync', displayName: 'Bench', role: 'sync-admin', password }, TOKEN);
  const session = (await post('/sessions', { username: 'benchsync', password }, null)) as SignInResponse;
  const stored = JSON.stringify({ token: session.token, admin: session.admin });

  const consoleRounds: Round[] = [];
  const plainRounds: Round[] = [];
  for (let round = 0; round < ROUNDS + 1; round++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    try {
      // Every page of the context: the session (as after a sign-in) and a record of long tasks.
      await context.addInitScript({
        content: `sessionStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(stored)});
          window.__longest = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
          }).observe({ type: 'longtask', buffered: true });`,
      });
      await context.route(`${url}/plain-fleet`, (route) =>
        route.fulfill({ contentType: 'text/html', body: plainPage(session.token) }),
      );
      const consolePage = await context.newPage();
      await consolePage.goto(`${url}/console/#/devices`, { waitUntil: 'commit' });
      const sen: Round = {
        firstRows: await untilPresent(consolePage, 'table.fleet tbody tr td'),
        nextPage: 0,
        longestTask: 0,
      };
      // Let the summary count (four requests of 500) finish, as an admin would before paging.
      await consolePage.getByTestId('fleet-summary').waitFor();
      sen.nextPage = await nextPageTime(
        consolePage,
        '[data-testid="next-page"]',
        '[data-testid="page-number"]',
        '2',
        'table.fleet tbody tr',
      );
      sen.longestTask = await longest(consolePage);
      if (round === 0) await consolePage.screenshot({ path: 'docs/screenshots/console-fleet.png' });

      const plain = await context.newPage();
      await plain.goto(`${url}/plain-fleet`, { waitUntil: 'commit' });
      const bare: Round = { firstRows: await untilPresent(plain, 'tr[data-row]'), nextPage: 0, longestTask: 0 };
      bare.nextPage = await nextPageTime(plain, '#next', '#page', '2', 'tr[data-row]');
      bare.longestTask = await longest(plain);
      // The first round warms the server and the browser's caches: not counted.
      if (round > 0) {
        consoleRounds.push(sen);
        plainRounds.push(bare);
      }
    } finally {
      await context.close();
    }
  }
  const line = (label: string, pick: (round: Round) => number) => {
    const sen = median(consoleRounds.map(pick));
    const bare = median(plainRounds.map(pick));
    return `| ${label} | ${sen.toFixed(0)} ms | ${bare.toFixed(0)} ms | ${bare > 0 ? `${(sen / bare).toFixed(2)}×` : '—'} |`;
  };
  console.log(`Máy trạm page, ${String(DEVICES)} PCs, median of ${String(ROUNDS)} rounds (${database.engine})`);
  console.log('| measure | console page | plain table | ratio |');
  console.log('| --- | --- | --- | --- |');
  console.log(line('navigation → first rows', (round) => round.firstRows));
  console.log(line('"Trang sau" → next rows', (round) => round.nextPage));
  console.log(line('longest task (0 = none over 50 ms)', (round) => round.longestTask));
  console.log(
    `longest task of any round: ${Math.max(...consoleRounds.map((round) => round.longestTask)).toFixed(0)} ms`,
  );
} finally {
  await browser.close();
  await app.close();
  await database.close();
}
