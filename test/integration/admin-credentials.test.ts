import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { sha256 } from '../../server/auth/device-token';
import { adminSession } from '../helpers/admin-accounts';
import { adminRequest } from '../helpers/admin-requests';
import { routesOf } from '../helpers/route-list';
import { TEST_ADMIN_TOKEN, TestServer } from '../helpers/test-server';

type Rule = 'signed-in' | 'province-admin' | 'account-creation';

/**
 * Who may call each admin route (server/admin/authenticate-admin.ts). A route missing here
 * fails the first test, so a new admin route gets its credentials checked.
 */
const ADMIN_ROUTES: Record<string, Rule> = {
  'GET /admin/v1/conflicts': 'signed-in',
  'POST /admin/v1/facilities/:code/enrollment-codes': 'signed-in',
  'GET /admin/v1/facilities/:code/staff': 'signed-in',
  'POST /admin/v1/facilities/:code/staff': 'signed-in',
  'GET /admin/v1/devices': 'signed-in',
  'POST /admin/v1/devices/:id/revoke': 'signed-in',
  'PATCH /admin/v1/devices/:id': 'signed-in',
  'PATCH /admin/v1/staff/:id': 'signed-in',
  'GET /admin/v1/patients/:id/access': 'signed-in',
  'GET /admin/v1/audit/alerts': 'signed-in',
  'POST /admin/v1/catalogs/:kind/import': 'signed-in',
  'GET /admin/v1/sessions/current': 'signed-in',
  'DELETE /admin/v1/sessions/current': 'signed-in',
  'GET /admin/v1/admin-audit': 'signed-in',
  'GET /admin/v1/facilities': 'signed-in',
  'GET /admin/v1/accounts': 'province-admin',
  'POST /admin/v1/accounts': 'account-creation',
  'PATCH /admin/v1/accounts/:id': 'province-admin',
  'POST /admin/v1/facilities': 'province-admin',
  'PATCH /admin/v1/facilities/:code': 'province-admin',
  'POST /admin/v1/facilities/:code/deactivate': 'province-admin',
  'POST /admin/v1/facilities/:code/reactivate': 'province-admin',
  'GET /admin/v1/fleet': 'signed-in',
  'GET /admin/v1/fleet/summary': 'signed-in',
  'GET /admin/v1/facilities/:code/overview': 'signed-in',
  'GET /admin/v1/conflicts/by-document': 'signed-in',
  'POST /admin/v1/conflicts/:id/restore': 'province-admin',
  'POST /admin/v1/conflicts/:id/dismiss': 'signed-in',
  'POST /admin/v1/audit-alerts/:id/acknowledge': 'signed-in',
  'GET /admin/v1/history-alerts': 'signed-in',
  'GET /admin/v1/history-lookups': 'province-admin',
  'GET /admin/v1/repeat-tests': 'signed-in',
  'GET /admin/v1/exports/xml130': 'province-admin',
  'GET /admin/v1/exports/xml130/:encounterId': 'province-admin',
  'GET /admin/v1/updates/releases': 'signed-in',
  'POST /admin/v1/updates/releases': 'signed-in',
  'POST /admin/v1/updates/releases/:version/rollout': 'signed-in',
  'GET /admin/v1/duplicates': 'province-admin',
  'POST /admin/v1/duplicates/merge': 'province-admin',
  'POST /admin/v1/duplicates/dismiss': 'province-admin',
};
/** Signing in is the one admin route without a credential. */
const SIGN_IN = 'POST /admin/v1/sessions';

/** A body each route would accept, so that only the credential can be the reason for a refusal. */
const VALID_BODIES: Record<string, unknown> = {
  'POST /admin/v1/accounts': {
    username: 'intruder',
    displayName: 'Kẻ lạ',
    role: 'province-admin',
    password: 'long-enough-2026',
  },
  'PATCH /admin/v1/accounts/:id': { active: false },
  'POST /admin/v1/facilities': {
    code: '10077',
    name: 'Trạm Y tế lạ',
    level: 'ban-dau',
    provinceCode: '15',
    wardCode: '02647',
  },
  'PATCH /admin/v1/facilities/:code': { name: 'Đổi tên' },
  'POST /admin/v1/facilities/:code/staff': {
    username: 'lạ',
    displayName: 'Lạ',
    roles: ['registrar'],
    password: 'long-enough-2026',
  },
  'PATCH /admin/v1/staff/:id': { active: false },
  'PATCH /admin/v1/devices/:id': { name: 'Đổi tên' },
  'POST /admin/v1/audit-alerts/:id/acknowledge': { note: 'Đã xem' },
};

describe('admin credentials on every admin route', () => {
  let server: TestServer;
  let served: string[];
  let province: { token: string; id: string };
  let sync: { token: string; id: string };
  let expired: { token: string; id: string };
  let longLived: { token: string; id: string };
  let locked: { token: string; id: string };

  /** Everything an admin route could change, as one string: equal before and after means nothing changed. */
  const stateDigest = async (): Promise<string> => {
    const tables = [
      'SELECT code, name, level, ward_code, deactivated_at FROM facilities ORDER BY code',
      'SELECT id, username, display_name, role, active, password FROM admin_accounts ORDER BY id',
      'SELECT id, name, revoked_at FROM devices ORDER BY id',
      'SELECT code_hash, uses_left FROM enrollment_codes ORDER BY code_hash',
      'SELECT collection, id, md5(body::text) FROM sync_documents ORDER BY collection, id',
      'SELECT count(*) FROM admin_audit',
      'SELECT count(*) FROM admin_sessions WHERE ended_at IS NULL',
    ];
    const parts: string[] = [];
    for (const sql of tables) parts.push(JSON.stringify(await server.database.query(sql)));
    return parts.join('\n');
  };

  beforeAll(async () => {
    server = await TestServer.start();
    const app = await buildApp({ database: server.database, adminToken: TEST_ADMIN_TOKEN });
    await app.ready();
    served = routesOf(app.printRoutes({ commonPrefix: false }))
      .filter((route) => route.path.startsWith('/admin/v1/') && route.method !== 'HEAD' && route.method !== 'OPTIONS')
      .map((route) => `${route.method} ${route.path}`);
    await app.close();

    province = await adminSession(server.url, 'tinh', 'province-admin');
    sync = await adminSession(server.url, 'dongbo', 'sync-admin');
    expired = await adminSession(server.url, 'hethan', 'province-admin');
    longLived = await adminSession(server.url, 'quadai', 'province-admin');
    locked = await adminSession(server.url, 'bikhoa', 'province-admin');
    // Eight hours unused, and thirteen hours since sign-in though used a minute ago.
    await server.database.query(
      `UPDATE admin_sessions SET last_used_at = now() - interval '8 hours 1 minute' WHERE token_hash = $1`,
      [sha256(expired.token)],
    );
    await server.database.query(
      `UPDATE admin_sessions SET created_at = now() - interval '13 hours', last_used_at = now() - interval '1 minute' WHERE token_hash = $1`,
      [sha256(longLived.token)],
    );
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answer = await adminRequest(
        server.url,
        'POST',
        '/sessions',
        { username: 'bikhoa', password: 'guess' },
        null,
      );
      expect(answer.status).toBe(attempt < 5 ? 401 : 423);
    }
  });
  afterAll(async () => {
    await server.close();
  });

  const call = async (route: string, token: string | null) => {
    const [method = '', path = ''] = route.split(' ');
    const concrete = path
      .replace('/admin/v1', '')
      .replace(':code', '10010')
      .replace(':kind', 'icd10')
      .replace(':id', route.includes('/accounts/') ? province.id : randomUUID());
    return adminRequest(
      server.url,
      method as 'GET',
      concrete,
      method === 'GET' || method === 'DELETE' ? undefined : (VALID_BODIES[route] ?? {}),
      token,
    );
  };

  it('knows every admin route the server serves', () => {
    expect(served.filter((route) => route !== SIGN_IN && !(route in ADMIN_ROUTES))).toEqual([]);
    for (const route of Object.keys(ADMIN_ROUTES)) expect(served).toContain(route);
  });

  it('refuses no, unknown, expired, too old and locked-out credentials on every route, changing nothing', async () => {
    const cases: [string, string | null, number, string][] = [
      ['none', null, 401, 'missing-credential'],
      ['unknown', 'sen-admin-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 401, 'invalid-credential'],
      ['expired', expired.token, 401, 'session-expired'],
      ['too old', longLived.token, 401, 'session-expired'],
      ['locked out', locked.token, 423, 'account-locked'],
    ];
    const before = await stateDigest();
    for (const route of Object.keys(ADMIN_ROUTES)) {
      for (const [name, token, status, code] of cases) {
        const answer = await call(route, token);
        expect({ route, name, status: answer.status, code: (answer.body as { code?: string } | null)?.code }).toEqual({
          route,
          name,
          status,
          code,
        });
      }
    }
    expect(await stateDigest()).toBe(before);
  });

  it('refuses a role or the bootstrap token where the route does not accept it, changing nothing', async () => {
    const before = await stateDigest();
    for (const [route, rule] of Object.entries(ADMIN_ROUTES)) {
      if (rule === 'province-admin' || rule === 'account-creation') {
        const answer = await call(route, sync.token);
        expect({ route, status: answer.status, body: answer.body }).toMatchObject({
          route,
          status: 403,
          body: { code: 'forbidden' },
        });
      }
      if (rule === 'signed-in' || rule === 'province-admin') {
        const answer = await call(route, TEST_ADMIN_TOKEN);
        expect({ route, status: answer.status, body: answer.body }).toMatchObject({
          route,
          status: 403,
          body: {
            code: 'bootstrap-token-limited',
            message: expect.stringContaining('may only create admin accounts') as unknown,
          },
        });
      }
    }
    expect(await stateDigest()).toBe(before);
  });

  it('lets the right credential through: either role where signed-in is enough, a province admin everywhere', async () => {
    expect((await call('GET /admin/v1/devices', sync.token)).status).toBe(200);
    expect((await call('GET /admin/v1/accounts', province.token)).status).toBe(200);
    expect((await call('GET /admin/v1/facilities', sync.token)).status).toBe(200);
  });
});
