import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../renderer/auth/session';
import { DocumentWriter } from '../../renderer/db/document-writer';
import { StaffRepository } from '../../renderer/staff/staff-repository';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { syncPath } from '../../shared/sync/protocol';
import { adminRequest } from '../helpers/admin-requests';
import { signedRows } from '../helpers/signing';
import { TestClient } from '../helpers/test-client';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

describe('staff accounts, managed at the province and used offline', () => {
  let server: TestServer;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await server.close();
  });

  type SyncedPc = { client: TestClient; staff: StaffRepository; session: Session };

  /**
   * A synced PC whose writes are made and signed as whoever logs in to its session; `reopened`
   * opens again a PC closed earlier, with its database as it was left.
   */
  async function syncedClient(reopened?: TestClient): Promise<SyncedPc> {
    const client = reopened
      ? await TestClient.open(server.url, reopened.enrollment, { databaseName: reopened.database.name })
      : await TestClient.open(server.url, await server.enroll(`pc-${clients.length}`));
    clients.push(client);
    await client.goOnline();
    await waitFor(async () => (await client.database.staff.count().exec()) >= 7, 'the staff list arrived');
    const writer = new DocumentWriter(client.database, client.outbox, () => session.signer());
    const staff = new StaffRepository(client.database, writer, '10010');
    const session: Session = new Session(client.database, staff);
    return { client, staff, session };
  }

  const storedStaff = async (id: string): Promise<StaffDocument | undefined> =>
    (
      await server.database.query<{ body: StaffDocument }>(
        `SELECT body FROM sync_documents WHERE collection = 'staff' AND id = $1`,
        [id],
      )
    )[0]?.body;

  it('creates an account at the province that a PC then logs in with, offline', async () => {
    const created = await adminRequest(server.url, 'POST', '/facilities/10010/staff', {
      username: 'bs.hoa',
      displayName: 'BS. Sùng Thị Hoa',
      roles: ['doctor'],
      password: 'hoa-2026-lao-cai',
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain('hash');
    const { client, session } = await syncedClient();
    await client.goOffline();

    expect(await session.login('BS.Hoa', 'wrong-password')).toMatchObject({ ok: false, reason: 'wrong-credentials' });
    const login = await session.login('bs.hoa', 'hoa-2026-lao-cai');
    expect(login).toMatchObject({ ok: true, user: { displayName: 'BS. Sùng Thị Hoa', roles: ['doctor'] } });
    expect(session.can('diagnosis.write')).toBe(true);
    expect(session.can('patient.register')).toBe(false);
  });

  it('refuses a taken username, a weak password and a bad role, and shows no verifier', async () => {
    const post = (body: object) => adminRequest(server.url, 'POST', '/facilities/10010/staff', body);
    const base = { username: 'tiepdon', displayName: 'X', roles: ['registrar'], password: 'long-enough-1' };
    expect(await post(base)).toMatchObject({ status: 409, body: { code: 'username-taken' } });
    expect(await post({ ...base, username: 'new.one', password: 'short' })).toMatchObject({
      status: 422,
      body: { code: 'password-rejected' },
    });
    expect(await post({ ...base, username: 'new.one', roles: ['surgeon'] })).toMatchObject({ status: 400 });
    expect(await post({ ...base, username: 'Bad Name' })).toMatchObject({ status: 400 });
    const list = await adminRequest(server.url, 'GET', '/facilities/10010/staff');
    expect(list.status).toBe(200);
    expect((list.body as { staff: object[] }).staff).toHaveLength(7);
    expect(JSON.stringify(list.body)).not.toContain('salt');
  });

  it('changes a password offline; it syncs and works on the other PCs, the old one no longer', async () => {
    // The other PC has the accounts as they were; it is closed meanwhile because two whole
    // clients no longer fit in one test process (RxDB's 13 open collections).
    const other = await syncedClient();
    expect(await other.session.login('dieuduong', DEMO_PASSWORD)).toMatchObject({ ok: true });
    await closeClient(other.client);

    const first = await syncedClient();
    await first.client.goOffline();
    expect(await first.session.login('dieuduong', DEMO_PASSWORD)).toMatchObject({ ok: true });
    expect(await first.staff.changeOwnPassword('not-the-password', 'mai-doi-mat-khau')).toEqual({
      ok: false,
      problems: ['current-password-wrong'],
    });
    const changed = await first.staff.changeOwnPassword(DEMO_PASSWORD, 'mai-doi-mat-khau');
    expect(changed.ok).toBe(true);
    expect(await first.session.login('dieuduong', 'mai-doi-mat-khau')).toMatchObject({ ok: true });

    await first.client.goOnline();
    await waitFor(async () => (await first.client.outbox.count()) === 0, 'the change was sent');
    expect((await storedStaff(DEMO_STAFF.nurse.id))?.updatedBy).toBe(DEMO_STAFF.nurse.id);
    await closeClient(first.client);

    const second = await syncedClient(other.client);
    await waitFor(
      async () => (await second.staff.get(DEMO_STAFF.nurse.id))?.updatedBy === DEMO_STAFF.nurse.id,
      'the other PC pulled it',
    );
    expect(await second.session.login('dieuduong', DEMO_PASSWORD)).toMatchObject({ ok: false });
    expect(await second.session.login('dieuduong', 'mai-doi-mat-khau')).toMatchObject({ ok: true });
  });

  async function closeClient(client: TestClient): Promise<void> {
    clients.splice(clients.indexOf(client), 1);
    await client.close();
  }

  it('deactivated at the province: logged out on the PC at once, and login refused', async () => {
    const { session } = await syncedClient();
    expect(await session.login('bacsi', DEMO_PASSWORD)).toMatchObject({ ok: true });
    const patched = await adminRequest(server.url, 'PATCH', `/staff/${DEMO_STAFF.doctor.id}`, { active: false });
    expect(patched).toMatchObject({ status: 200, body: { active: false } });
    await waitFor(() => Promise.resolve(session.current.kind === 'logged-out'), 'the doctor was logged out');
    expect(await session.login('bacsi', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'inactive' });
  });

  it('locks a username after five wrong passwords, even for the right one, across a restart of the session', async () => {
    const { client, staff } = await syncedClient();
    const session = new Session(client.database, staff);
    for (let n = 0; n < 4; n++)
      expect(await session.login('duocsi', 'not-the-password')).toMatchObject({ reason: 'wrong-credentials' });
    expect(await session.login('duocsi', 'not-the-password')).toMatchObject({ reason: 'locked-out' });
    const restarted = new Session(client.database, staff);
    expect(await restarted.login('duocsi', DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'locked-out' });
    // Another user at the same PC is not affected.
    expect(await restarted.login('xetnghiem', DEMO_PASSWORD)).toMatchObject({ ok: true });
  });

  it('locks unknown names too, and never records them (they may be a password typed in the wrong box)', async () => {
    const { session } = await syncedClient();
    const recorded: string[] = [];
    session.events$.subscribe((event) => recorded.push(`${event.action}:${event.username}`));
    for (let n = 0; n < 5; n++) await session.login('mat-khau-bi-mat-2026', 'x');
    expect(await session.login('mat-khau-bi-mat-2026', 'x')).toMatchObject({ reason: 'locked-out' });
    expect(recorded.every((entry) => entry === 'login-failed:')).toBe(true);
    await session.login('tiepdon', 'wrong');
    expect(recorded.at(-1)).toBe('login-failed:tiepdon');
  });

  it('refuses two new accounts with one username in one push', async () => {
    const { client, staff, session } = await syncedClient();
    await client.goOffline();
    expect(await session.login('admin', DEMO_PASSWORD)).toMatchObject({ ok: true });
    const first = await staff.create({
      username: 'ktv.lan',
      displayName: 'KTV Lan',
      roles: ['lab-technician'],
      password: 'lan-2026-xet',
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const admin = session.signer();
    const twin = { ...first.staff, id: '0199d000-0000-4000-8000-0000000000ff' };
    const answer = await fetch(`${server.url}${syncPath('staff', 'push')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.enrollment.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(await signedRows('staff', [first.staff, twin], admin)),
    });
    expect(answer.status).toBe(422);
    expect(await storedStaff(first.staff.id)).toBeUndefined();
  });

  it('unlocks only with the same user’s password and keeps recent users for switching', async () => {
    const { session } = await syncedClient();
    await session.login('tiepdon', DEMO_PASSWORD);
    await session.login('bacsi', DEMO_PASSWORD);
    session.lock();
    expect(session.current.kind).toBe('locked');
    expect(() => session.requireUserId()).toThrow();
    expect(await session.unlock(DEMO_PASSWORD.toUpperCase())).toMatchObject({ ok: false });
    expect(await session.unlock(DEMO_PASSWORD)).toMatchObject({ ok: true, user: { username: 'bacsi' } });
    expect((await session.recentUsers()).map((user) => user.username)).toEqual(['bacsi', 'tiepdon']);
  });
});
