import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAuditEntry, FacilityRecord } from '../../shared/admin/admin-api';
import { ENROLL_PATH } from '../../shared/sync/enrollment';
import { adminSession, signIn } from '../helpers/admin-accounts';
import { adminRequest } from '../helpers/admin-requests';
import { TEST_ADMIN_TOKEN, TestServer } from '../helpers/test-server';

const NEW_FACILITY = {
  code: '10015',
  name: 'Trạm Y tế xã Bản Xèo',
  level: 'ban-dau',
  provinceCode: '15',
  wardCode: '02647',
};

async function enrollWith(serverUrl: string, code: string): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${serverUrl}${ENROLL_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'Tiếp đón 1', requestId: crypto.randomUUID() }),
  });
  const body = (await response.json()) as { code?: string };
  return { status: response.status, code: body.code };
}

describe('admin accounts, sessions and facilities', () => {
  let server: TestServer;
  let province: { token: string; id: string };

  beforeAll(async () => {
    server = await TestServer.start();
    province = await adminSession(server.url, 'tinh', 'province-admin');
  });
  afterAll(async () => {
    await server.close();
  });

  const asProvince = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    adminRequest(server.url, method, path, body, province.token);

  it('signs in with a password, knows who is signed in, and signs out', async () => {
    const session = await signIn(server.url, 'tinh', 'tinh-passphrase-2026');
    const current = await adminRequest(server.url, 'GET', '/sessions/current', undefined, session.token);
    expect(current).toMatchObject({
      status: 200,
      body: { admin: { role: 'province-admin', displayName: 'Quản trị tinh' } },
    });
    expect((await adminRequest(server.url, 'DELETE', '/sessions/current', undefined, session.token)).status).toBe(204);
    expect(await adminRequest(server.url, 'GET', '/sessions/current', undefined, session.token)).toMatchObject({
      status: 401,
      body: { code: 'invalid-credential' },
    });
    expect(
      await adminRequest(server.url, 'POST', '/sessions', { username: 'tinh', password: 'wrong-password' }, null),
    ).toMatchObject({ status: 401, body: { code: 'invalid-credential' } });
  });

  it('locks an account after five wrong passwords, even against the right one, until a province admin unlocks it', async () => {
    const account = await adminSession(server.url, 'dongbo', 'sync-admin');
    const attempt = (password: string) =>
      adminRequest(server.url, 'POST', '/sessions', { username: 'dongbo', password }, null);
    for (let count = 1; count <= 4; count++) expect((await attempt('guess')).status).toBe(401);
    expect(await attempt('guess')).toMatchObject({ status: 423, body: { code: 'account-locked' } });
    expect(await attempt(account.password)).toMatchObject({ status: 423, body: { code: 'account-locked' } });
    expect((await asProvince('PATCH', `/accounts/${account.id}`, { unlock: true })).status).toBe(200);
    expect((await attempt(account.password)).status).toBe(201);
  });

  it('lets the bootstrap token create accounts and nothing else; a province admin manages them', async () => {
    expect((await adminRequest(server.url, 'GET', '/accounts', undefined, TEST_ADMIN_TOKEN)).status).toBe(403);
    const created = await adminRequest(
      server.url,
      'POST',
      '/accounts',
      { username: 'moi', displayName: 'Người mới', role: 'sync-admin', password: 'moi-passphrase-2026' },
      TEST_ADMIN_TOKEN,
    );
    expect(created).toMatchObject({ status: 201, body: { username: 'moi', role: 'sync-admin', active: true } });
    const again = await adminRequest(
      server.url,
      'POST',
      '/accounts',
      { username: 'moi', displayName: 'Trùng', role: 'sync-admin', password: 'moi-passphrase-2026' },
      TEST_ADMIN_TOKEN,
    );
    expect(again).toMatchObject({ status: 409, body: { code: 'username-taken' } });
    const weak = await asProvince('POST', '/accounts', {
      username: 'yeu',
      displayName: 'Yếu',
      role: 'sync-admin',
      password: 'yeu',
    });
    expect(weak).toMatchObject({ status: 422, body: { code: 'password-rejected' } });

    const id = (created.body as { id: string }).id;
    const session = await signIn(server.url, 'moi', 'moi-passphrase-2026');
    expect(await asProvince('PATCH', `/accounts/${id}`, { active: false })).toMatchObject({
      status: 200,
      body: { active: false },
    });
    // Deactivation ends the sessions the account had open.
    expect((await adminRequest(server.url, 'GET', '/facilities', undefined, session.token)).status).toBe(401);
    expect(await asProvince('PATCH', `/accounts/${province.id}`, { active: false })).toMatchObject({
      status: 409,
      body: { code: 'own-account' },
    });
    const listed = await asProvince('GET', '/accounts');
    expect((listed.body as { accounts: { username: string }[] }).accounts.map((account) => account.username)).toContain(
      'moi',
    );
  });

  it('creates, edits, deactivates and reactivates a facility; a deactivated facility enrolls no PC', async () => {
    const created = await asProvince('POST', '/facilities', NEW_FACILITY);
    expect(created).toMatchObject({ status: 201, body: { ...NEW_FACILITY, active: true, deviceCount: 0 } });
    expect(await asProvince('POST', '/facilities', NEW_FACILITY)).toMatchObject({
      status: 409,
      body: { code: 'facility-exists' },
    });
    expect(
      await asProvince('POST', '/facilities', { ...NEW_FACILITY, code: '10016', wardCode: '00004' }),
    ).toMatchObject({
      status: 422,
      body: { code: 'ward-not-in-province' },
    });
    expect(
      await asProvince('POST', '/facilities', { ...NEW_FACILITY, code: '10016', provinceCode: '99' }),
    ).toMatchObject({
      status: 422,
      body: { code: 'province-unknown' },
    });
    expect((await asProvince('POST', '/facilities', { ...NEW_FACILITY, code: '10000' })).status).toBe(400);

    const edited = await asProvince('PATCH', '/facilities/10015', {
      name: 'Trạm Y tế xã Bản Xèo mới',
      level: 'co-ban',
    });
    expect(edited).toMatchObject({
      status: 200,
      body: { name: 'Trạm Y tế xã Bản Xèo mới', level: 'co-ban', wardCode: '02647' },
    });
    expect((await asProvince('PATCH', '/facilities/10015', { provinceCode: '01' })).status).toBe(400);

    const issued = await asProvince('POST', '/facilities/10015/enrollment-codes', {});
    const code = (issued.body as { code: string }).code;
    expect(await asProvince('POST', '/facilities/10015/deactivate', {})).toMatchObject({
      status: 200,
      body: { active: false },
    });
    expect(await enrollWith(server.url, code)).toEqual({ status: 403, code: 'facility-inactive' });
    expect(await asProvince('POST', '/facilities/10015/enrollment-codes', {})).toMatchObject({
      status: 409,
      body: { code: 'facility-inactive' },
    });
    const listed = (await asProvince('GET', '/facilities')).body as { facilities: FacilityRecord[] };
    expect(listed.facilities.find((facility) => facility.code === '10015')?.active).toBe(false);

    expect(await asProvince('POST', '/facilities/10015/reactivate', {})).toMatchObject({
      status: 200,
      body: { active: true },
    });
    // The refused attempt did not use the one-time code up.
    expect(await enrollWith(server.url, code)).toMatchObject({ status: 200 });
    const after = (await asProvince('GET', '/facilities')).body as { facilities: FacilityRecord[] };
    expect(after.facilities.find((facility) => facility.code === '10015')?.deviceCount).toBe(1);
  });

  it('writes every change to the admin audit trail with the admin’s name, secrets left out', async () => {
    const answer = await asProvince('GET', '/admin-audit?limit=500');
    const entries = (answer.body as { entries: AdminAuditEntry[] }).entries;
    const actions = entries.map((entry) => `${entry.adminName}: ${entry.action} ${entry.target ?? ''}`.trim());
    expect(actions).toEqual(
      expect.arrayContaining([
        'Quản trị tinh: sign-in tinh',
        'Quản trị tinh: POST /admin/v1/facilities',
        'Quản trị tinh: PATCH /admin/v1/facilities/:code 10015',
        'Quản trị tinh: POST /admin/v1/facilities/:code/deactivate 10015',
        'Quản trị dongbo: sign-in-locked dongbo',
        'SEN_ADMIN_TOKEN (bootstrap): POST /admin/v1/accounts',
      ]),
    );
    expect(JSON.stringify(entries)).not.toContain('passphrase');
    // Refused requests change nothing and are not actions.
    expect(actions.filter((action) => action.includes('10016'))).toEqual([]);
  });
});
