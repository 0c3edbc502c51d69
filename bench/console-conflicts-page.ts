import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { buildConsoleIfStale } from '../scripts/build-console';
import { buildApp } from '../server/app';
import type { Database } from '../server/db/database';
import { openDatabase } from '../server/db/open-database';
import { ensureFacility } from '../server/facilities/facilities';

/**
 * The console's Xung đột page in Chromium with 100,000 open conflicts (4 per patient record
 * over 25,000 records, 40 facilities, as bench/admin-lists.ts seeds them, plus the records and
 * staff they name): time from clicking "Xung đột" to the first rows, to each next page, and the
 * longest main-thread task (PerformanceObserver `longtask`, over 50 ms) while doing so. Leaves a
 * screenshot of a full page at 1366×768 in docs/screenshots/console-conflicts.png.
 *
 *   npx tsx bench/console-conflicts-page.ts      (DATABASE_URL: PostgreSQL instead of PGlite)
 */
const FACILITIES = 40;
const DOCUMENTS = 25_000;
const CONFLICTS_PER_DOCUMENT = 4;
const OPENINGS = 5;
const NEXT_PAGES = 10;
const TOKEN = 'bench-admin';
const PASSWORD = 'bench-quan-tri-2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = 'docs/screenshots/console-conflicts.png';

async function seed(database: Database): Promise<void> {
  for (let n = 0; n < FACILITIES; n++) {
    await ensureFacility(database, {
      code: String(20000 + n),
      provinceCode: '15',
      name: `Trạm Y tế xã số ${String(n)}`,
    });
  }
  await database.query(
    `INSERT INTO devices (id, facility_code, name, token_hash, tag, created_at)
     SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, (20000 + n / 2)::text,
            CASE WHEN n % 2 = 0 THEN 'Tiếp đón 1' ELSE 'Phòng khám 1' END, 'x', n, now()
     FROM generate_series(0, $1 * 2 - 1) AS n`,
    [FACILITIES],
  );
  await database.query(
    `INSERT INTO sync_documents (collection, id, scope, body)
     SELECT 'staff', 'staff-' || n, (20000 + n)::text,
            jsonb_build_object('displayName', 'Nguyễn Thị Tiếp ' || n, 'facilityCode', (20000 + n)::text)
     FROM generate_series(0, $1 - 1) AS n`,
    [FACILITIES],
  );
  await database.query(
    `INSERT INTO sync_documents (collection, id, scope, body)
     SELECT 'patients', 'doc-' || lpad(n::text, 6, '0'), (20000 + n % $2)::text,
            jsonb_build_object('patientCode', (20000 + n % $2)::text || '-' || upper(substr(md5(n::text), 1, 8)),
                               'familyName', 'Vàng', 'givenName', 'Lan ' || n, 'updatedBy', 'staff-' || (n % $2))
     FROM generate_series(0, $1 - 1) AS n`,
    [DOCUMENTS, FACILITIES],
  );
  await database.query(
    `INSERT INTO sync_conflicts (id, collection, document_id, scope, field, master_value, losing_value, device_id,
                                 client_time, author, recorded_at)
     SELECT gen_random_uuid(), 'patients', 'doc-' || lpad((n / $2)::text, 6, '0'), (20000 + (n / $2) % $3)::text,
            (ARRAY['phone', 'street', 'middleName', 'occupation'])[n % $2 + 1],
            to_jsonb(CASE n % $2 WHEN 0 THEN '0911' || lpad(n::text, 6, '0') WHEN 1 THEN 'Thôn Nà Lốc ' || n
                                 WHEN 2 THEN 'Thị' ELSE 'Làm ruộng' END),
            to_jsonb(CASE n % $2 WHEN 0 THEN '0922' || lpad(n::text, 6, '0') WHEN 1 THEN 'Bản Xèo ' || n
                                 WHEN 2 THEN 'Thu' ELSE 'Giáo viên' END),
            ('00000000-0000-4000-8000-' || lpad((((n / $2) % $3) * 2 + 1)::text, 12, '0'))::uuid,
            '2026-12-01T08:00:00.000Z', jsonb_build_object('staffId', 'staff-' || ((n / $2) % $3)),
            now() - n * interval '1 second'
     FROM generate_series(0, $1 - 1) AS n`,
    [DOCUMENTS * CONFLICTS_PER_DOCUMENT, CONFLICTS_PER_DOCUMENT, FACILITIES],
  );
  await database.query('ANALYZE');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The longest main-thread task the page has seen (0 when none passed 50 ms). */
const longestTask = (page: Page) =>
  page.evaluate(() => (window as unknown as { longestTask?: number }).longestTask ?? 0);

await buildConsoleIfStale();
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
const app = await buildApp({ database, adminToken: TOKEN });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--headless', '--disable-gpu'],
});
try {
  const seeding = performance.now();
  await seed(database);
  console.log(
    `seeded ${String(DOCUMENTS * CONFLICTS_PER_DOCUMENT)} open conflicts in ${((performance.now() - seeding) / 1000).toFixed(1)} s (${database.engine})`,
  );
  const created = await app.inject({
    method: 'POST',
    url: '/admin/v1/accounts',
    headers: { authorization: `Bearer ${TOKEN}` },
    payload: { username: 'quantri', displayName: 'Quản trị tỉnh', role: 'province-admin', password: PASSWORD },
  });
  if (created.statusCode !== 201) throw new Error(`account: ${created.body}`);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  // The API alone, page after page, to tell the server's share of the page's time from the browser's.
  const apiPages: number[] = [];
  let cursor: string | null = null;
  for (let n = 0; n <= NEXT_PAGES; n++) {
    const query: string = `/admin/v1/conflicts/by-document?limit=20${cursor ? `&cursor=${cursor}` : ''}`;
    const started = performance.now();
    const answer = await app.inject({ method: 'GET', url: query, headers: { authorization: `Bearer ${TOKEN}` } });
    apiPages.push(performance.now() - started);
    cursor = answer.json<{ nextCursor: string | null }>().nextCursor;
  }

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  await context.addInitScript(() => {
    const holder = window as unknown as { longestTask?: number };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) holder.longestTask = Math.max(holder.longestTask ?? 0, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(`${url}/console/`);
  await page.locator('#sign-in-username').fill('quantri');
  await page.locator('#sign-in-password').fill(PASSWORD);
  await page.locator('#sign-in-password').press('Enter');
  await page.getByTestId('page-facilities').waitFor();
  // The page's own work from here on, not the bundle's first evaluation.
  await page.evaluate(() => {
    (window as unknown as { longestTask?: number }).longestTask = 0;
  });

  const firstRows: number[] = [];
  for (let n = 0; n < OPENINGS; n++) {
    await page.getByRole('link', { name: 'Cơ sở', exact: true }).click();
    await page.getByTestId('page-facilities').waitFor();
    firstRows.push(
      await timed(async () => {
        await page.getByRole('link', { name: 'Xung đột' }).click();
        await page.getByTestId('conflict-group').first().waitFor();
      }),
    );
  }
  const nextPages: number[] = [];
  for (let n = 0; n < NEXT_PAGES; n++) {
    nextPages.push(
      await timed(async () => {
        await page.getByTestId('pager-next').click();
        await page
          .getByTestId('pager')
          .getByText(`Trang ${String(n + 2)}`)
          .waitFor();
        await page.locator('[data-testid="conflict-list"][aria-busy="false"]').waitFor();
      }),
    );
  }
  const longest = await longestTask(page);
  const groups = await page.getByTestId('conflict-group').count();
  mkdirSync('docs/screenshots', { recursive: true });
  // The first page, as the admin opens it.
  await page.getByRole('link', { name: 'Cơ sở', exact: true }).click();
  await page.getByRole('link', { name: 'Xung đột' }).click();
  await page.getByTestId('conflict-group').first().waitFor();
  await page.screenshot({ path: SCREENSHOT });

  console.log(`| measure (Chromium, 1366×768, ${String(groups)} documents a page) | median | worst |`);
  console.log('| --- | --- | --- |');
  console.log(
    `| click "Xung đột" → first rows (${String(OPENINGS)}×) | ${median(firstRows).toFixed(0)} ms | ${Math.max(...firstRows).toFixed(0)} ms |`,
  );
  console.log(
    `| next page → its rows (${String(NEXT_PAGES)}×) | ${median(nextPages).toFixed(0)} ms | ${Math.max(...nextPages).toFixed(0)} ms |`,
  );
  console.log(`| longest main-thread task after sign-in | ${longest.toFixed(0)} ms | |`);
  console.log(
    `| the API alone: a page of 20 documents (${String(apiPages.length)}×) | ${median(apiPages).toFixed(0)} ms | ${Math.max(...apiPages).toFixed(0)} ms |`,
  );
  console.log(`screenshot: ${SCREENSHOT}`);
} finally {
  await browser.close();
  await app.close();
  await database.close();
}
