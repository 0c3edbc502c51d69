import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSeedFile } from '../../server/demo/demo-catalogs';
import type { CatalogEntry } from '../../shared/catalog/catalog-entry';
import type { PullResponse, SyncCheckpoint, WireDocument } from '../../shared/sync/protocol';
import { addFacility } from '../helpers/second-facility';
import { syncRequest } from '../helpers/sync-requests';
import { TEST_ADMIN_SESSION } from '../helpers/test-admin';
import { TestServer } from '../helpers/test-server';

const HEADER = 'STT,Mã chương,Mã nhóm,Mã loại,Mã bệnh,Disease name,Tên bệnh,Không dùng làm bệnh chính,Giới tính';

async function importFile(
  server: TestServer,
  kind: string,
  csv: string | Uint8Array,
  query: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const url = new URL(`/admin/v1/catalogs/${kind}/import`, server.url);
  url.search = new URLSearchParams({ province: '15', effectiveFrom: '2026-01-01', ...query }).toString();
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_SESSION}`, 'content-type': 'text/csv' },
    body: typeof csv === 'string' ? csv : Buffer.from(csv),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function pullCatalog(server: TestServer, token: string): Promise<WireDocument<CatalogEntry>[]> {
  const entries: WireDocument<CatalogEntry>[] = [];
  let checkpoint: SyncCheckpoint | null = null;
  for (;;) {
    const query: Record<string, string> = { limit: '500' };
    if (checkpoint) query.checkpoint = JSON.stringify(checkpoint);
    const answer = await syncRequest(server.url, token, 'catalog', 'pull', { query });
    expect(answer.status).toBe(200);
    const page = answer.body as PullResponse<CatalogEntry>;
    entries.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length === 0) return entries;
  }
}

const storedCount = async (server: TestServer): Promise<number> =>
  (
    await server.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM sync_documents WHERE collection = 'catalog'`,
    )
  )[0]?.count ?? -1;

describe('catalogs imported at the province', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('refuses a file with bad rows, naming each line, and applies nothing of it', async () => {
    const csv = [
      HEADER,
      '1,X,J09-J18,J18,J18.9,"Pneumonia, unspecified","Viêm phổi, không đặc hiệu",,',
      '2,X,J09-J18,J18,J1X.9,Bad code,Mã sai,,',
      '3,XI,K20-K31,K29,K29.7,"Gastritis, unspecified","Viêm dạ dày, không đặc hiệu",,',
      '4,X,J09-J18,J18,J18.9,"Pneumonia, unspecified","Viêm phổi, không đặc hiệu",,',
    ].join('\n');
    const answer = await importFile(server, 'icd10', csv);
    expect(answer.status).toBe(422);
    const errors = (answer.body as { code: string; details: { errors: { line: number; code: string }[] } }).details
      .errors;
    expect((answer.body as { code: string }).code).toBe('catalog-invalid');
    expect([...new Set(errors.map((error) => error.line))]).toEqual([3, 5]);
    expect(errors.filter((error) => error.line === 5).map((error) => error.code)).toEqual(['duplicate-code']);
    expect(errors.filter((error) => error.line === 3).map((error) => error.code)).toContain('rule-violated');
    expect(await storedCount(server)).toBe(0);
  });

  it('counts what a dry run would add without storing it, then applies the file once', async () => {
    const icd10 = await readSeedFile('icd10');
    const dry = await importFile(server, 'icd10', icd10, { dryRun: '1' });
    expect(dry).toMatchObject({ status: 200, body: { ok: true, dryRun: true, unchanged: 0 } });
    const rows = (dry.body as { added: number }).added;
    expect(rows).toBeGreaterThanOrEqual(300);
    expect(await storedCount(server)).toBe(0);

    expect(await importFile(server, 'icd10', icd10)).toMatchObject({ body: { added: rows, unchanged: 0 } });
    expect(await importFile(server, 'icd10', icd10)).toMatchObject({ body: { added: 0, unchanged: rows } });
    expect(await storedCount(server)).toBe(rows);
  });

  it('never edits a version in place: other content needs a later effective date', async () => {
    const first = [HEADER, '1,I,A00-A09,A09,A09,Diarrhoea and gastroenteritis,Tiêu chảy,,'].join('\n');
    expect((await importFile(server, 'icd10', first)).status).toBe(200);
    const renamed = [HEADER, '1,I,A00-A09,A09,A09,Diarrhoea and gastroenteritis,Tiêu chảy và viêm dạ dày ruột,,'].join(
      '\n',
    );
    const refused = await importFile(server, 'icd10', renamed);
    expect(refused).toMatchObject({
      status: 422,
      body: { details: { errors: [{ line: 2, code: 'version-changed' }] } },
    });
    expect(await importFile(server, 'icd10', renamed, { effectiveFrom: '2027-01-01' })).toMatchObject({
      status: 200,
      body: { added: 1 },
    });
    expect(await storedCount(server)).toBe(2);
  });

  it('reaches every facility of the province through its feed, and no device can push one', async () => {
    const district = await server.enroll('reception');
    const provincial = await addFacility(server, '15001', 'Bệnh viện Đa khoa tỉnh (demo)');
    await importFile(server, 'drug', await readSeedFile('drug'));
    await importFile(server, 'lab-test', await readSeedFile('lab-test'));
    const stored = await storedCount(server);
    expect(stored).toBeGreaterThanOrEqual(150 + 60);

    for (const token of [district.token, provincial.token]) {
      const entries = await pullCatalog(server, token);
      expect(entries).toHaveLength(stored);
      expect(new Set(entries.map((entry) => entry.id)).size).toBe(stored);
    }
    const [entry] = await pullCatalog(server, district.token);
    if (!entry) throw new Error('no catalog entry pulled');
    // Every version carries the province's signature.
    expect(entry.syncMeta.signature?.signer).toBe('server');
    const pushed = await syncRequest(server.url, district.token, 'catalog', 'push', {
      body: [{ newDocumentState: { ...entry, name: 'sửa tại cơ sở', _deleted: false, syncMeta: entry.syncMeta } }],
    });
    expect(pushed.status).toBe(405);
  });
});

describe('npm run catalog:import', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sen-catalog-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('applies a file from the command line, and reports a bad one by line with a failing exit code', async () => {
    const run = (file: string, ...extra: string[]) =>
      promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          'server/catalog-import.ts',
          '--kind',
          'icd10',
          '--file',
          file,
          '--province',
          '15',
          '--effective-from',
          '2026-01-01',
          ...extra,
        ],
        { env: { ...process.env, SEN_DATA_DIR: join(dataDir, 'db'), DATABASE_URL: '' } },
      );
    const good = join(dataDir, 'good.csv');
    await writeFile(
      good,
      [HEADER, '1,XI,K20-K31,K29,K29.7,"Gastritis, unspecified","Viêm dạ dày, không đặc hiệu",,'].join('\n'),
    );
    expect((await run(good, '--dry-run')).stdout).toContain('would add 1 version(s)');
    expect((await run(good)).stdout).toContain('added 1 version(s)');
    const bad = join(dataDir, 'bad.csv');
    await writeFile(bad, [HEADER, '1,XI,K20-K31,K29,K2,Bad,Sai,,'].join('\n'));
    await expect(run(bad)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('bad.csv:2') as unknown });
  });
});
