import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { ensureEnrollmentCode, ensureFacility } from '../../server/facilities/facilities';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { patientSearchKeys } from '../../shared/patient/patient-search-keys';
import { generateSigningKey, type DocumentSigner } from '../../shared/signing/signing-keys';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { revisionOf } from '../../shared/sync/revision';
import { UNSIGNED_SYNC_META } from '../../shared/sync/sync-meta';
import { adminRequest } from '../helpers/admin-requests';
import { patientDocument } from '../helpers/patient-documents';
import { demoSigner, signedDocument } from '../helpers/signing';
import { routesOf } from '../helpers/route-list';
import { syncRequest } from '../helpers/sync-requests';
import { TEST_ADMIN_TOKEN, TestServer } from '../helpers/test-server';

type Access = 'public' | 'admin' | 'device' | 'outdated-protocol';

/** Who may call each route. A route missing here fails the first test: new routes get checked. */
const ROUTE_ACCESS: Record<string, Access> = {
  'GET /health': 'public',
  'POST /enroll': 'public',
  'GET /admin/v1/conflicts': 'admin',
  'POST /admin/v1/facilities/:code/enrollment-codes': 'admin',
  'GET /admin/v1/facilities/:code/staff': 'admin',
  'POST /admin/v1/facilities/:code/staff': 'admin',
  'GET /admin/v1/devices': 'admin',
  'POST /admin/v1/devices/:id/revoke': 'admin',
  'PATCH /admin/v1/devices/:id': 'admin',
  'PATCH /admin/v1/staff/:id': 'admin',
  'GET /admin/v1/patients/:id/access': 'admin',
  'GET /admin/v1/audit/alerts': 'admin',
  'POST /admin/v1/catalogs/:kind/import': 'admin',
  // The console's accounts and facilities (roles and expiry: admin-credentials.test.ts).
  'POST /admin/v1/sessions': 'public',
  'GET /admin/v1/sessions/current': 'admin',
  'DELETE /admin/v1/sessions/current': 'admin',
  'GET /admin/v1/accounts': 'admin',
  'POST /admin/v1/accounts': 'admin',
  'PATCH /admin/v1/accounts/:id': 'admin',
  'GET /admin/v1/admin-audit': 'admin',
  'GET /admin/v1/facilities': 'admin',
  'POST /admin/v1/facilities': 'admin',
  'PATCH /admin/v1/facilities/:code': 'admin',
  'POST /admin/v1/facilities/:code/deactivate': 'admin',
  'POST /admin/v1/facilities/:code/reactivate': 'admin',
  'GET /admin/v1/fleet': 'admin',
  'GET /admin/v1/fleet/summary': 'admin',
  'GET /admin/v1/facilities/:code/overview': 'admin',
  'GET /admin/v1/conflicts/by-document': 'admin',
  'POST /admin/v1/conflicts/:id/restore': 'admin',
  'POST /admin/v1/conflicts/:id/dismiss': 'admin',
  'POST /admin/v1/audit-alerts/:id/acknowledge': 'admin',
  'GET /admin/v1/history-alerts': 'admin',
  'GET /admin/v1/history-lookups': 'admin',
  'GET /admin/v1/repeat-tests': 'admin',
  'GET /admin/v1/exports/xml130': 'admin',
  'GET /admin/v1/exports/xml130/:encounterId': 'admin',
  'GET /admin/v1/duplicates': 'admin',
  'POST /admin/v1/duplicates/merge': 'admin',
  'POST /admin/v1/duplicates/dismiss': 'admin',
  'GET /fhir/R4/Patient/:id/$everything': 'admin',
  'GET /admin/v1/updates/releases': 'admin',
  'POST /admin/v1/updates/releases': 'admin',
  'POST /admin/v1/updates/releases/:version/rollout': 'admin',
  // The update feed (server/updates): enrolled PCs only.
  'GET /updates/latest.yml': 'device',
  'GET /updates/:file': 'device',
  'POST /sync/v2/history': 'device',
  'POST /sync/v2/repeat-tests': 'device',
  // The console's static files (/console/*: route-list reads Fastify's tree without the slash).
  'GET /console': 'public',
  'GET /console*': 'public',
  'POST /sync/v2/audit/push': 'device',
  'GET /sync/v2/stream': 'device',
  'GET /sync/v2/conflicts': 'device',
  'GET /sync/v2/device': 'device',
  'POST /sync/v2/device': 'device',
  'GET /sync/v2/:collection/pull': 'device',
  'POST /sync/v2/:collection/pull': 'device',
  'POST /sync/v2/:collection/push': 'device',
};

const OTHER_FACILITY = '10020';

function concretePath(path: string): string {
  return path
    .replace(':code', '10010')
    .replace(':kind', 'icd10')
    .replace(':id', randomUUID())
    .replace(':collection', 'patients')
    .replace(':version', 'v9')
    .replace('*', 'patients/pull');
}

describe('authorization of every route', () => {
  let server: TestServer;
  let served: { method: string; path: string }[];
  let token: string;
  let revokedToken: string;
  let otherToken: string;
  let otherStaffId: string;

  beforeAll(async () => {
    server = await TestServer.start();
    const app = await buildApp({ database: server.database, adminToken: TEST_ADMIN_TOKEN });
    await app.ready();
    served = routesOf(app.printRoutes({ commonPrefix: false }));
    await app.close();

    token = (await server.enroll('reception')).token;
    const revoked = await server.enroll('stolen-laptop');
    revokedToken = revoked.token;
    await adminRequest(server.url, 'POST', `/devices/${revoked.deviceId}/revoke`);
    await ensureFacility(server.database, { code: OTHER_FACILITY, provinceCode: '15', name: 'TYT khác' });
    await ensureEnrollmentCode(server.database, 'OTHER-10020', OTHER_FACILITY, null);
    otherToken = (await server.enroll('other-facility', 'OTHER-10020')).token;
    const otherStaff = await adminRequest(server.url, 'POST', `/facilities/${OTHER_FACILITY}/staff`, {
      username: 'tiepdon',
      displayName: 'Tiếp đón khác',
      roles: ['registrar'],
      password: 'another-desk-2026',
    });
    otherStaffId = (otherStaff.body as StaffDocument).id;
  });
  afterAll(async () => {
    await server.close();
  });

  const call = async (method: string, path: string, credential: string | null) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (credential) headers.authorization = `Bearer ${credential}`;
    const response = await fetch(`${server.url}${concretePath(path)}`, {
      method,
      headers,
      body: method === 'GET' ? null : JSON.stringify(method === 'POST' ? [] : {}),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.text()) || '{}';
    return { status: response.status, body: JSON.parse(body) as { code?: string } };
  };

  const listed = (access: Access) => served.filter((route) => ROUTE_ACCESS[`${route.method} ${route.path}`] === access);

  it('knows every route the server serves', () => {
    const unknown = served
      .filter((route) => !['HEAD', 'OPTIONS'].includes(route.method))
      .filter((route) => !route.path.startsWith('/sync/:version') && route.path !== '*')
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => !(route in ROUTE_ACCESS));
    expect(unknown).toEqual([]);
    for (const route of Object.keys(ROUTE_ACCESS))
      expect(served.map((served) => `${served.method} ${served.path}`)).toContain(route);
  });

  it('refuses every admin route without the admin credential, or with a device credential', async () => {
    expect(listed('admin').length).toBe(41);
    for (const route of listed('admin')) {
      for (const credential of [null, 'wrong-admin-token', token]) {
        const answer = await call(route.method, route.path, credential);
        expect({ route, credential, status: answer.status }).toEqual({ route, credential, status: 401 });
      }
    }
  });

  it('refuses every device route with no credential, a malformed one, a revoked one, or the admin token', async () => {
    expect(listed('device').length).toBe(12);
    const cases: [string | null, string][] = [
      [null, 'missing-credential'],
      ['garbage', 'invalid-credential'],
      [`${randomUUID()}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, 'invalid-credential'],
      [revokedToken, 'device-revoked'],
      [TEST_ADMIN_TOKEN, 'invalid-credential'],
    ];
    for (const route of listed('device')) {
      for (const [credential, code] of cases) {
        const answer = await call(route.method, route.path, credential);
        expect({ route: route.path, credential, status: answer.status, code: answer.body.code }).toEqual({
          route: route.path,
          credential,
          status: 401,
          code,
        });
      }
    }
  });

  /** The key of whoever a document names as its author: a demo account's, else one nobody vouched for. */
  const authorKey = async (staffId: string): Promise<DocumentSigner> => {
    if (Object.values(DEMO_STAFF).some((account) => account.id === staffId)) return demoSigner(staffId);
    const { keyId, privateKey } = await generateSigningKey();
    return { signer: staffId, keyId, privateKey };
  };
  /** Patients as their author's PC sends them, signed by the author they name. */
  const push = async (credential: string, documents: PatientDocument[]) =>
    syncRequest(server.url, credential, 'patients', 'push', {
      body: await Promise.all(
        documents.map(async (document) => ({
          newDocumentState: await signedDocument('patients', document, await authorKey(document.updatedBy)),
        })),
      ),
    });
  const storedPatients = async (): Promise<number> =>
    (
      await server.database.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM sync_documents WHERE collection = 'patients'`,
      )
    )[0]?.count ?? -1;

  it('keeps each facility to its own records, both ways', async () => {
    const ours = patientDocument('10010');
    expect((await push(token, [ours])).status).toBe(200);
    const before = await storedPatients();

    const pulled = await syncRequest(server.url, otherToken, 'patients', 'pull', { query: { limit: '100' } });
    expect((pulled.body as { documents: PatientDocument[] }).documents).toEqual([]);
    const intoOurs = patientDocument('10010', { createdBy: otherStaffId, updatedBy: otherStaffId });
    expect(await push(otherToken, [intoOurs])).toMatchObject({ status: 403, body: { code: 'out-of-scope' } });
    const takeover = {
      ...ours,
      facilityCode: OTHER_FACILITY,
      patientCode: ours.patientCode.replace('10010', OTHER_FACILITY),
      createdBy: otherStaffId,
      updatedBy: otherStaffId,
    };
    expect(await push(otherToken, [takeover])).toMatchObject({ status: 403, body: { code: 'out-of-scope' } });
    expect(await storedPatients()).toBe(before);
  });

  it.each([
    ['an author nobody knows', { createdBy: randomUUID(), updatedBy: '' }, 'author-unknown'],
    ['another facility’s staff member', { createdBy: 'other', updatedBy: '' }, 'author-unknown'],
    ['the province, which never pushes', { createdBy: 'province', updatedBy: '' }, 'author-unknown'],
    ['a lab technician registering', { createdBy: DEMO_STAFF.labTechnician.id, updatedBy: '' }, 'not-permitted'],
    [
      'a creator who may not register',
      { createdBy: DEMO_STAFF.doctor.id, updatedBy: DEMO_STAFF.registrar.id },
      'not-permitted',
    ],
  ])('refuses a patient pushed by %s, storing nothing of the batch', async (_name, authors, reason) => {
    const createdBy = authors.createdBy === 'other' ? otherStaffId : authors.createdBy;
    const forged = patientDocument('10010', { createdBy, updatedBy: authors.updatedBy || createdBy });
    const before = await storedPatients();
    const answer = await push(token, [patientDocument('10010'), forged]);
    expect(answer).toMatchObject({ status: 403, body: { code: 'forbidden', details: { id: forged.id, reason } } });
    expect(await storedPatients()).toBe(before);
  });

  /** A key of the attacker's own, passed off as `staffId`'s key `keyId`. */
  const forgedKey = async (staffId: string, keyId?: string): Promise<DocumentSigner> => {
    const own = await generateSigningKey();
    return { signer: staffId, keyId: keyId ?? own.keyId, privateKey: own.privateKey };
  };
  const registrarKeyId = DEMO_STAFF.registrar.keys[0].keyId;

  it.each([
    ['unsigned', () => Promise.resolve(null), 'signature-missing'],
    ['signed by the nurse whose key the PC holds', () => demoSigner(DEMO_STAFF.nurse.id), 'signature-invalid'],
    [
      'signed by the nurse, claiming to be the registrar',
      async () => ({ ...(await demoSigner(DEMO_STAFF.nurse.id)), signer: DEMO_STAFF.registrar.id }),
      'signature-key-unknown',
    ],
    [
      'signed with a key made up under the registrar’s key id',
      () => forgedKey(DEMO_STAFF.registrar.id, registrarKeyId),
      'signature-invalid',
    ],
    [
      'signed with a key the registrar’s account does not list',
      () => forgedKey(DEMO_STAFF.registrar.id),
      'signature-key-unknown',
    ],
    ['signed as the server, with a key that is not the server’s', () => forgedKey('server'), 'signature-invalid'],
  ])('refuses a patient the registrar did not sign: %s (nothing stored)', async (_name, signer, reason) => {
    const before = await storedPatients();
    const forged = await signedDocument('patients', patientDocument('10010'), await signer());
    const honest = await signedDocument(
      'patients',
      patientDocument('10010'),
      await demoSigner(DEMO_STAFF.registrar.id),
    );
    const answer = await syncRequest(server.url, token, 'patients', 'push', {
      body: [{ newDocumentState: honest }, { newDocumentState: forged }],
    });
    expect(answer).toMatchObject({ status: 403, body: { code: 'forbidden', details: { id: forged.id, reason } } });
    expect(await storedPatients()).toBe(before);
  });

  it('refuses a signed patient changed after signing, and a signature moved to another collection', async () => {
    const registrar = await demoSigner(DEMO_STAFF.registrar.id);
    const signed = await signedDocument('patients', patientDocument('10010'), registrar);
    const tampered = { ...signed, phone: '0911000111' };
    expect(
      await syncRequest(server.url, token, 'patients', 'push', { body: [{ newDocumentState: tampered }] }),
    ).toMatchObject({ status: 403, body: { details: { reason: 'signature-invalid' } } });
    // The registrar's signature over the same body as another kind of record does not carry over.
    const asStaff = await signedDocument('staff', patientDocument('10010'), registrar);
    const moved = { ...signed, syncMeta: asStaff.syncMeta };
    expect(
      await syncRequest(server.url, token, 'patients', 'push', { body: [{ newDocumentState: moved }] }),
    ).toMatchObject({ status: 403, body: { details: { reason: 'signature-invalid' } } });
  });

  const storedStaff = async (id: string): Promise<StaffDocument | undefined> =>
    (
      await server.database.query<{ body: StaffDocument }>(
        `SELECT body FROM sync_documents WHERE collection = 'staff' AND id = $1`,
        [id],
      )
    )[0]?.body;

  it('refuses an account made as the admin without the admin’s key, and a key a user vouches for alone', async () => {
    const adminKeyId = ((await storedStaff(DEMO_STAFF.admin.id)) ?? DEMO_STAFF.admin).keys[0].keyId;
    const nurse = await storedStaff(DEMO_STAFF.nurse.id);
    if (!nurse) throw new Error('no nurse');
    const account: StaffDocument = {
      ...nurse,
      id: randomUUID(),
      username: 'ke.mao.danh',
      roles: ['doctor'],
      updatedBy: DEMO_STAFF.admin.id,
    };
    const pushStaff = async (state: StaffDocument, signer: DocumentSigner | null, assumed?: StaffDocument) =>
      syncRequest(server.url, token, 'staff', 'push', {
        body: [
          {
            assumedMasterState: assumed ? { ...assumed, _deleted: false, syncMeta: UNSIGNED_SYNC_META } : null,
            newDocumentState: await signedDocument('staff', state, signer),
          },
        ],
      });
    // The PC holds the admin's sealed key and public key, not their password.
    expect(await pushStaff(account, await forgedKey(DEMO_STAFF.admin.id, adminKeyId))).toMatchObject({
      status: 403,
      body: { details: { reason: 'signature-invalid' } },
    });
    expect(await pushStaff(account, null)).toMatchObject({
      status: 403,
      body: { details: { reason: 'signature-missing' } },
    });
    expect(await storedStaff(account.id)).toBeUndefined();

    // A registrar appending a key of their own making to their account, signed by themselves.
    const registrar = await storedStaff(DEMO_STAFF.registrar.id);
    if (!registrar) throw new Error('no registrar');
    const extra = await generateSigningKey();
    const ownKey = {
      ...registrar,
      keys: [...registrar.keys, { keyId: extra.keyId, publicKey: extra.publicKey, createdAt: 'now' }],
      sealedKey: { ...registrar.sealedKey, keyId: extra.keyId },
      updatedBy: DEMO_STAFF.registrar.id,
    };
    expect(await pushStaff(ownKey, await demoSigner(DEMO_STAFF.registrar.id), registrar)).toMatchObject({
      status: 403,
      body: { details: { reason: 'not-permitted' } },
    });
    // Nor may the admin take a key away.
    const dropped = { ...registrar, keys: [], updatedBy: DEMO_STAFF.admin.id };
    expect((await pushStaff(dropped, await demoSigner(DEMO_STAFF.admin.id), registrar)).status).toBe(422);
    expect((await storedStaff(DEMO_STAFF.registrar.id))?.keys).toEqual(registrar.keys);
  });

  it('names the pusher as the author of a merged version, which the server signs', async () => {
    const base = await signedDocument('patients', patientDocument('10010'), await demoSigner(DEMO_STAFF.registrar.id));
    expect((await push(token, [base])).status).toBe(200);
    const lineage = [await revisionOf(base)];
    const renamed = { ...base, middleName: 'Văn' };
    const byDoctor = await signedDocument(
      'patients',
      { ...renamed, ...patientSearchKeys(renamed), updatedBy: DEMO_STAFF.doctor.id },
      await demoSigner(DEMO_STAFF.doctor.id),
      lineage,
    );
    const byRegistrar = await signedDocument(
      'patients',
      { ...base, phone: '0912999888', updatedBy: DEMO_STAFF.registrar.id },
      await demoSigner(DEMO_STAFF.registrar.id),
      lineage,
    );
    const send = (state: object) =>
      syncRequest(server.url, token, 'patients', 'push', {
        body: [{ assumedMasterState: base, newDocumentState: state }],
      });
    expect((await send(byDoctor)).status).toBe(200);
    const merged = await send(byRegistrar);
    expect(merged).toMatchObject({
      status: 200,
      body: [
        {
          middleName: 'Văn',
          phone: '0912999888',
          updatedBy: DEMO_STAFF.registrar.id,
          syncMeta: { signature: { signer: 'server' } },
        },
      ],
    });
  });

  it('takes a document sent again unchanged as the success it already was, whoever wrote it', async () => {
    // After a restore from backup every device sends everything again, including the accounts
    // the province wrote (author "province", who never pushes).
    const [row] = await server.database.query<{ body: StaffDocument }>(
      `SELECT body FROM sync_documents WHERE collection = 'staff' AND id = $1`,
      [DEMO_STAFF.doctor.id],
    );
    if (!row) throw new Error('no doctor');
    // Not even its signature is looked at: nothing is written.
    const again = { ...row.body, _deleted: false, syncMeta: UNSIGNED_SYNC_META };
    const answer = await syncRequest(server.url, token, 'staff', 'push', {
      body: [{ assumedMasterState: null, newDocumentState: again }],
    });
    expect(answer).toEqual({ status: 200, body: [] });
  });

  it('refuses a deactivated author and a registrar who grants herself a role', async () => {
    await adminRequest(server.url, 'PATCH', `/staff/${DEMO_STAFF.pharmacist.id}`, { active: false });
    const byPharmacist = patientDocument('10010', {
      createdBy: DEMO_STAFF.pharmacist.id,
      updatedBy: DEMO_STAFF.pharmacist.id,
    });
    expect(await push(token, [byPharmacist])).toMatchObject({
      status: 403,
      body: { details: { reason: 'author-inactive' } },
    });

    const [row] = await server.database.query<{ body: StaffDocument }>(
      `SELECT body FROM sync_documents WHERE collection = 'staff' AND id = $1`,
      [DEMO_STAFF.registrar.id],
    );
    if (!row) throw new Error('no registrar');
    const promoted = await signedDocument(
      'staff',
      { ...row.body, roles: ['registrar', 'doctor'], updatedBy: DEMO_STAFF.registrar.id },
      await demoSigner(DEMO_STAFF.registrar.id),
    );
    const answer = await syncRequest(server.url, token, 'staff', 'push', {
      body: [
        {
          assumedMasterState: { ...row.body, _deleted: false, syncMeta: UNSIGNED_SYNC_META },
          newDocumentState: promoted,
        },
      ],
    });
    expect(answer).toMatchObject({ status: 403, body: { code: 'forbidden', details: { reason: 'not-permitted' } } });
    const [after] = await server.database.query<{ body: StaffDocument }>(
      `SELECT body FROM sync_documents WHERE collection = 'staff' AND id = $1`,
      [DEMO_STAFF.registrar.id],
    );
    expect(after?.body.roles).toEqual(['registrar']);
  });
});
