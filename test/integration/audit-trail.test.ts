import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientAccessRecord } from '../../server/audit/audit-routes';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { auditEntryHash } from '../../shared/audit/audit-entry';
import { syncPath } from '../../shared/sync/protocol';
import { UNSIGNED_SYNC_META } from '../../shared/sync/sync-meta';
import { adminRequest } from '../helpers/admin-requests';
import { demoSigner, signedDocument } from '../helpers/signing';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestClient } from '../helpers/test-client';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

describe('the audit trail', () => {
  let server: TestServer;
  let client: TestClient;

  beforeEach(async () => {
    server = await TestServer.start();
    client = await TestClient.open(server.url, await server.enroll('reception'), { audit: true });
  });
  afterEach(async () => {
    await client.close();
    await server.close();
  });

  const storedEntries = () =>
    server.database.query<{ seq: string; action: string; chain_ok: boolean }>(
      'SELECT seq, action, chain_ok FROM audit_entries ORDER BY seq',
    );
  const alerts = async () =>
    ((await adminRequest(server.url, 'GET', '/audit/alerts')).body as { alerts: { kind: string; seq: number }[] })
      .alerts;

  it('records writes and chart openings offline, and the province lists who accessed the patient', async () => {
    const registered = await client.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('registration failed');
    const id = registered.patient.id;
    await client.patients.update(id, { phone: '0912000111' });
    // The doctor logs in at the same desk and opens the chart: the entry is signed with their key.
    await client.actAs(DEMO_STAFF.doctor.id);
    await client.audit.record({ action: 'chart-open', userId: DEMO_STAFF.doctor.id, username: 'bacsi', patientId: id });
    expect(await client.database.audit.count().exec()).toBe(3);

    await client.goOnline();
    await waitFor(async () => (await storedEntries()).length === 3, 'the trail reached the server');
    expect((await storedEntries()).every((entry) => entry.chain_ok)).toBe(true);
    expect(await alerts()).toEqual([]);

    const access = await adminRequest(server.url, 'GET', `/patients/${id}/access`);
    const records = (access.body as { access: PatientAccessRecord[] }).access;
    // Writes name their author by id; a chart opening by the username typed at login, and its id.
    expect(records.map((record) => [record.action, record.userId, record.displayName])).toEqual([
      ['patient-create', DEMO_STAFF.registrar.id, DEMO_STAFF.registrar.displayName],
      ['patient-update', DEMO_STAFF.registrar.id, DEMO_STAFF.registrar.displayName],
      ['chart-open', DEMO_STAFF.doctor.id, DEMO_STAFF.doctor.displayName],
    ]);
    expect(records[2]?.username).toBe('bacsi');
    expect(records[0]).toMatchObject({ deviceName: 'reception', chainOk: true });
    // Paged with the keyset cursor (the console's Nhật ký page): the same three, one at a time, once each.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/patients/${id}/access?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await adminRequest(server.url, 'GET', query)).body as {
        access: PatientAccessRecord[];
        nextCursor: string | null;
      };
      paged.push(...page.access.map((record) => record.action));
      cursor = page.nextCursor;
    } while (cursor && paged.length < 5);
    expect(paged).toEqual(['patient-create', 'patient-update', 'chart-open']);
    expect((await adminRequest(server.url, 'GET', `/patients/${id}/access`, undefined, null)).status).toBe(401);
  });

  it('raises an alert when an entry is deleted on the PC, before or after it was sent', async () => {
    await client.actAs(DEMO_STAFF.doctor.id);
    for (let n = 0; n < 4; n++)
      await client.audit.record({ action: 'chart-open', userId: DEMO_STAFF.doctor.id, patientId: `p-${String(n)}` });
    await (await client.database.audit.findOne({ selector: { seq: 2 } }).exec())?.remove();
    await client.goOnline();
    await waitFor(async () => (await storedEntries()).length === 4, 'the trail arrived');
    await waitFor(async () => (await alerts()).length === 1, 'the alert');
    expect(await alerts()).toMatchObject([{ kind: 'entry-deleted', seq: 2 }]);
    expect((await storedEntries()).map((entry) => entry.chain_ok)).toEqual([true, false, true, true]);

    await (await client.database.audit.findOne({ selector: { seq: 4 } }).exec())?.remove();
    await waitFor(async () => (await alerts()).length === 2, 'the second alert');
    expect((await alerts())[0]).toMatchObject({ kind: 'entry-deleted', seq: 4 });
  });

  it('sends a long offline backlog in order: no alert, every link intact', async () => {
    const BACKLOG = 700;
    await client.actAs(DEMO_STAFF.doctor.id);
    for (let n = 0; n < BACKLOG; n++)
      await client.audit.record({ action: 'chart-open', userId: DEMO_STAFF.doctor.id, patientId: `p-${String(n)}` });
    await client.goOnline();
    await waitFor(async () => (await storedEntries()).length === BACKLOG, 'the backlog arrived', 60_000);
    expect(await alerts()).toEqual([]);
    expect((await storedEntries()).every((entry) => entry.chain_ok)).toBe(true);
  });

  it('raises entries-missing when the pushed chain has a gap', async () => {
    await client.actAs(DEMO_STAFF.doctor.id);
    for (let n = 0; n < 3; n++)
      await client.audit.record({ action: 'chart-open', userId: DEMO_STAFF.doctor.id, patientId: `p-${String(n)}` });
    const entries = (await client.database.audit.find({ sort: [{ seq: 'asc' }] }).exec()).map((entry) =>
      entry.toMutableJSON(),
    );
    const response = await fetch(`${server.url}${syncPath('audit', 'push')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.enrollment.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        [entries[0], entries[2]].map((entry) => ({ newDocumentState: { ...entry, _deleted: false } })),
      ),
    });
    expect(response.status).toBe(200);
    expect(await alerts()).toMatchObject([{ kind: 'entries-missing', seq: 3 }]);
  });

  it('refuses entries claiming another device, or a user who did not sign them, and flags a re-signed edit', async () => {
    const other = await server.enroll('other-pc');
    const pushAs = async (token: string, entries: object[]) => {
      const response = await fetch(`${server.url}${syncPath('audit', 'push')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(entries.map((entry) => ({ newDocumentState: { ...entry, _deleted: false } }))),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    await client.audit.record({ action: 'login', userId: DEMO_STAFF.registrar.id, username: 'tiepdon' });
    await client.audit.record({ action: 'chart-open', userId: DEMO_STAFF.registrar.id, patientId: 'p-1' });
    const entries = (await client.database.audit.find({ sort: [{ seq: 'asc' }] }).exec()).map((entry) =>
      entry.toMutableJSON(),
    );
    expect((await pushAs(other.token, entries)).status).toBe(403);
    expect(await storedEntries()).toEqual([]);

    const [first, second] = entries;
    if (!first || !second) throw new Error('fixture');
    // The first entry re-hashed to name the doctor, with the registrar's signature still on it.
    const { hash: _first, syncMeta: firstMeta, ...firstContent } = { ...first, userId: DEMO_STAFF.doctor.id };
    const blamed = { ...firstContent, hash: await auditEntryHash(firstContent), syncMeta: firstMeta };
    expect(await pushAs(client.enrollment.token, [blamed, second])).toMatchObject({
      status: 403,
      body: { code: 'forbidden', details: { id: first.id, reason: 'signature-invalid' } },
    });
    // The same, unsigned.
    expect(await pushAs(client.enrollment.token, [{ ...blamed, syncMeta: UNSIGNED_SYNC_META }])).toMatchObject({
      status: 403,
      body: { details: { reason: 'signature-missing' } },
    });
    expect(await storedEntries()).toEqual([]);

    // Whoever holds the registrar's key can still rewrite the registrar's own entries and sign
    // them again: the chain shows it.
    const { hash: _old, syncMeta: _meta, ...backdated } = { ...first, at: '2020-01-01T00:00:00.000Z' };
    const rewritten = await signedDocument(
      'audit',
      { ...backdated, hash: await auditEntryHash(backdated) },
      await demoSigner(DEMO_STAFF.registrar.id),
    );
    expect((await pushAs(client.enrollment.token, [rewritten, second])).status).toBe(200);
    expect(await alerts()).toMatchObject([{ kind: 'chain-broken', seq: 2 }]);
  });
});
