import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateFileStore } from '../../electron/main/update-file-store';
import { ensureEnrollmentCode, ensureFacility } from '../../server/facilities/facilities';
import { downloadRelease } from '../../shared/updates/download-release';
import { parseUpdateInfo } from '../../shared/updates/update-feed';
import { adminSession } from '../helpers/admin-accounts';
import { adminRequest } from '../helpers/admin-requests';
import { FaultProxy, PERFECT_LINK } from '../helpers/fault-proxy';
import { TestServer } from '../helpers/test-server';
import { makeUpdatesFolder, sha512Base64, writeRelease } from '../helpers/update-releases';

const DEMO = '10010';
const OTHER = '10020';

describe('the update feed from the province', () => {
  let server: TestServer;
  let folder: string;
  let demoPc: { token: string; deviceId: string };
  let otherPc: { token: string; deviceId: string };
  let admin: string;

  beforeAll(async () => {
    folder = await makeUpdatesFolder();
    server = await TestServer.start({ updatesDir: folder });
    await ensureFacility(server.database, { code: OTHER, provinceCode: '15', name: 'TYT xã thử' });
    await ensureEnrollmentCode(server.database, 'OTHER-10020', OTHER, null);
    demoPc = await server.enroll('tiep-don');
    otherPc = await server.enroll('tram-xa', 'OTHER-10020');
    admin = (await adminSession(server.url, 'dongbo', 'sync-admin')).token;
  });
  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  const feed = (path: string, token: string | null, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/updates/${path}`, {
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  const feedVersion = async (token: string): Promise<string> => {
    const response = await feed('latest.yml', token);
    expect(response.status).toBe(200);
    const parsed = parseUpdateInfo(await response.text());
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.info.version;
  };
  const register = (version: string) => adminRequest(server.url, 'POST', '/updates/releases', { version }, admin);
  const rollout = (version: string, stage: object) =>
    adminRequest(server.url, 'POST', `/updates/releases/${version}/rollout`, stage, admin);

  it('refuses a PC without a device token, and says so clearly when nothing is staged', async () => {
    const anonymous = await feed('latest.yml', null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'missing-credential' });
    expect((await feed('Sen-Setup-0.2.0.exe', 'not-a-token')).status).toBe(401);
    const none = await feed('latest.yml', demoPc.token);
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ code: 'no-update-staged' });
  });

  it('refuses to register a release whose latest.yml does not match the file, or that is not in the folder', async () => {
    await writeRelease(folder, '0.1.5', { statedSha512: sha512Base64(Buffer.from('another build')) });
    const mismatched = await register('0.1.5');
    expect(mismatched).toMatchObject({ status: 422, body: { code: 'release-invalid' } });
    expect((mismatched.body as { message: string }).message).toContain('sha512');
    expect(await register('9.9.9')).toMatchObject({ status: 422, body: { code: 'release-invalid' } });
    expect(await register('../0.1.5')).toMatchObject({ status: 400 });
    const listed = await adminRequest(server.url, 'GET', '/updates/releases', undefined, admin);
    expect((listed.body as { releases: unknown[] }).releases).toEqual([]);
  });

  it('answers each PC the newest version staged for its facility', async () => {
    await writeRelease(folder, '0.2.0');
    await writeRelease(folder, '0.3.0');
    expect(await register('0.2.0')).toMatchObject({ status: 201, body: { version: '0.2.0' } });
    expect(await register('0.3.0')).toMatchObject({ status: 201, body: { version: '0.3.0' } });
    // Registered is not published: no stage yet.
    expect((await feed('latest.yml', demoPc.token)).status).toBe(404);

    expect((await rollout('0.2.0', { all: true })).status).toBe(200);
    expect((await rollout('0.3.0', { facilities: [OTHER] })).status).toBe(200);
    expect(await feedVersion(demoPc.token)).toBe('0.2.0');
    expect(await feedVersion(otherPc.token)).toBe('0.3.0');
    // Out of the stage, the newer installer is not served either.
    const notStaged = await feed('Sen-Setup-0.3.0.exe', demoPc.token);
    expect(notStaged.status).toBe(404);
    expect(await notStaged.json()).toMatchObject({ code: 'no-update-staged' });
    expect(await rollout('0.3.0', { facilities: ['99999'] })).toMatchObject({ status: 404 });

    // The list: who is in which stage, and how many PCs already report each version.
    await server.database.query(`UPDATE devices SET app_version = '0.3.0' WHERE id = $1`, [otherPc.deviceId]);
    const listed = await adminRequest(server.url, 'GET', '/updates/releases', undefined, admin);
    expect(listed.body).toMatchObject({
      releases: [
        { version: '0.3.0', stage: { all: false, facilities: [{ code: OTHER }] }, devicesRunning: 1 },
        { version: '0.2.0', stage: { all: true, facilities: [] }, devicesRunning: 0 },
      ],
    });

    // The next stage: the demo facility joins.
    await rollout('0.3.0', { facilities: [DEMO] });
    expect(await feedVersion(demoPc.token)).toBe('0.3.0');
  });

  it('serves byte ranges of the installer: 206 with the right bytes, 416 outside the file', async () => {
    const { bytes } = await writeRelease(folder, '0.3.1', { size: 10_000 });
    await register('0.3.1');
    await rollout('0.3.1', { facilities: [DEMO] });
    const file = 'Sen-Setup-0.3.1.exe';

    const whole = await feed(file, demoPc.token);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const first = await feed(file, demoPc.token, { range: 'bytes=0-99' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe('bytes 0-99/10000');
    expect(Buffer.from(await first.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);

    const middle = await feed(file, demoPc.token, { range: 'bytes=4000-' });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe('bytes 4000-9999/10000');
    expect(Buffer.from(await middle.arrayBuffer()).equals(bytes.subarray(4000))).toBe(true);

    const suffix = await feed(file, demoPc.token, { range: 'bytes=-10' });
    expect(suffix.status).toBe(206);
    expect(Buffer.from(await suffix.arrayBuffer()).equals(bytes.subarray(9990))).toBe(true);

    for (const range of ['bytes=10000-', 'bytes=500-100']) {
      const refused = await feed(file, demoPc.token, { range });
      expect({ range, status: refused.status }).toEqual({ range, status: 416 });
      expect(refused.headers.get('content-range')).toBe('bytes */10000');
    }
    // A part from another build of the file (another validator) gets the whole file again.
    const stale = await feed(file, demoPc.token, { range: 'bytes=100-', 'if-range': '"0123456789abcdef"' });
    expect(stale.status).toBe(200);
    expect(Buffer.from(await stale.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('downloads over a link that keeps cutting, resumes each time from what it holds, and verifies', async () => {
    const { release, bytes } = await writeRelease(folder, '0.4.0', { size: 768 * 1024 });
    await register('0.4.0');
    await rollout('0.4.0', { facilities: [DEMO] });
    const proxy = new FaultProxy(() => Number(new URL(server.url).port), {
      ...PERFECT_LINK,
      latencyMs: 5,
      bytesPerSecond: 400_000,
      cutEveryMs: [150, 350],
    });
    await proxy.start();
    const cache = await makeUpdatesFolder();
    const chunkBytes = 96 * 1024;
    const starts: number[] = [];
    try {
      const outcome = await downloadRelease({
        feedUrl: `${proxy.url}/updates/`,
        token: demoPc.token,
        release,
        store: new UpdateFileStore(cache),
        chunkBytes,
        maxFailures: 50,
        retryDelayMs: () => 20,
        onRequest: (from) => starts.push(from),
      });
      expect(outcome).toEqual({ kind: 'ready', path: join(cache, 'ready', release.fileName) });
      expect((await readFile(join(cache, 'ready', release.fileName))).equals(bytes)).toBe(true);
      expect(proxy.stats.cuts).toBeGreaterThan(0);
      // Resumed after a cut: a request started where the last one broke off, mid-chunk.
      expect(starts.some((from) => from % chunkBytes !== 0)).toBe(true);
    } finally {
      await proxy.stop();
      await rm(cache, { recursive: true, force: true });
    }
  });

  it('refuses a tampered installer: discarded, the running version untouched, and a later try succeeds', async () => {
    const { release, bytes, path } = await writeRelease(folder, '0.5.0', { size: 200 * 1024 });
    await register('0.5.0');
    await rollout('0.5.0', { all: true });
    const cache = await makeUpdatesFolder();
    // What the PC runs now, beside the download cache: a download must never touch it.
    const running = join(cache, 'Sen.exe');
    await writeFile(running, 'the running 0.1.0');
    const store = new UpdateFileStore(join(cache, 'updates'));
    const download = () =>
      downloadRelease({
        feedUrl: `${server.url}/updates/`,
        token: demoPc.token,
        release,
        store,
        chunkBytes: 64 * 1024,
      });
    try {
      // Someone replaces the published installer with one of the same size.
      const tampered = Buffer.from(bytes);
      tampered[1234] = (tampered[1234] ?? 0) ^ 0xff;
      await writeFile(path, tampered);

      const refused = await download();
      expect(refused.kind).toBe('rejected');
      expect(await store.partSize(release.fileName)).toBe(0);
      expect(await store.readyPath(release.fileName)).toBeNull();
      expect(await readFile(running, 'utf8')).toBe('the running 0.1.0');

      // The province puts the real file back; the next scheduled try gets it.
      await writeFile(path, bytes);
      const ready = await download();
      expect(ready.kind).toBe('ready');
      expect((await readFile(join(cache, 'updates', 'ready', release.fileName))).equals(bytes)).toBe(true);
      expect(await readFile(running, 'utf8')).toBe('the running 0.1.0');
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });
});
