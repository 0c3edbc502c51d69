import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { PullResponse } from '../../shared/sync/protocol';
import { finishedVisit } from '../helpers/clinical-history';
import { countingDatabase, type StatementLog } from '../helpers/counting-database';
import { patientDocument } from '../helpers/patient-documents';
import { demoSigner, registrarRow, signedRows } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { openTestDatabase } from '../helpers/test-database';
import { TestServer } from '../helpers/test-server';

/**
 * The statements one push or pull page costs the server do not grow with the page: batching
 * that silently falls back to a statement per document fails here, on PGlite and PostgreSQL.
 */
describe('statements per sync page', () => {
  let server: TestServer;
  let log: StatementLog;
  let token: string;

  beforeEach(async () => {
    const opened = await openTestDatabase();
    const counting = countingDatabase(opened.database, opened.drop);
    log = counting.log;
    server = await TestServer.startOn(counting.database);
    token = (await server.enroll('reception')).token;
  });
  afterEach(async () => {
    await server.close();
  });

  /**
   * The statements one request cost, after checking it was answered `status`. The device's and
   * the facility's staff lookups are cached for a minute (request-caches.ts), and the PC's last
   * contact is written at most once a minute (server/fleet/device-activity.ts), so each is
   * counted apart: at most once per request, whatever its size.
   */
  const counted = async (request: () => Promise<{ status: number; body: unknown }>, status = 200) => {
    log.clear();
    const answer = await request();
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(status);
    const cachedLookups = [
      /FROM devices d JOIN facilities f/,
      /WHERE collection = 'staff' AND scope = \$1/,
      /^\s*UPDATE devices SET/,
    ];
    for (const lookup of cachedLookups)
      expect(log.statements.filter((sql) => lookup.test(sql)).length).toBeLessThanOrEqual(1);
    const count = log.statements.filter((sql) => !cachedLookups.some((lookup) => lookup.test(sql))).length;
    return { count, body: answer.body };
  };
  const push = (collection: string, rows: unknown) => () =>
    syncRequest(server.url, token, collection, 'push', { body: rows });
  const patients = (n: number) => Array.from({ length: n }, () => patientDocument('10010'));
  const newRows = (documents: PatientDocument[]) =>
    Promise.all(documents.map((document) => registrarRow({ ...document })));
  const editRows = (documents: PatientDocument[], phone: string) =>
    Promise.all(documents.map((document) => registrarRow({ ...document, phone }, { assumed: { ...document } })));

  it('costs as many statements for 100 new patients as for 10', async () => {
    const small = await counted(push('patients', await newRows(patients(10))));
    const large = await counted(push('patients', await newRows(patients(100))));
    expect(large.count).toBe(small.count);
    // Locks, unique values (3), bodies, counter, feed, changes, notify.
    expect(large.count).toBe(9);
  });

  it('costs as many statements for 100 edits made on the master as for 10', async () => {
    const [few, many] = [patients(10), patients(100)];
    await counted(push('patients', await newRows([...few, ...many])));
    const small = await counted(push('patients', await editRows(few, '0911111111')));
    const large = await counted(push('patients', await editRows(many, '0911111111')));
    expect(large.count).toBe(small.count);
    expect(large.count).toBe(10);
  });

  it('costs as many statements for 100 conflicting edits (merged, recorded, settled) as for 10', async () => {
    const [few, many] = [patients(10), patients(100)];
    await counted(push('patients', await newRows([...few, ...many])));
    // Another PC changed the phone first: each edit below merges and records a conflict.
    await counted(push('patients', await editRows([...few, ...many], '0922222222')));
    const small = await counted(push('patients', await editRows(few, '0933333333')));
    const large = await counted(push('patients', await editRows(many, '0933333333')));
    expect((small.body as unknown[]).length).toBe(10);
    expect(large.count).toBe(small.count);
    expect(large.count).toBe(7);
  });

  it('costs as many statements for 100 visits (their patients checked) as for 10', async () => {
    const registered = patients(100);
    await counted(push('patients', await newRows(registered)));
    const doctor = await demoSigner(DEMO_STAFF.doctor.id);
    const by = { facilityCode: '10010', deviceId: 'test-device', staffId: DEMO_STAFF.doctor.id };
    const visits = (documents: PatientDocument[]) =>
      signedRows(
        'encounters',
        documents.map((patient) => ({ ...finishedVisit(patient.id, by, '2026-11-02') })),
        doctor,
      );
    const small = await counted(push('encounters', await visits(registered.slice(0, 10))));
    const large = await counted(push('encounters', await visits(registered)));
    expect(large.count).toBe(small.count);
    expect(large.count).toBe(7);
  });

  it('costs as many statements for a pull page of 100 as for one of 10', async () => {
    await counted(push('patients', await newRows(patients(120))));
    const pull = (limit: number) => () =>
      syncRequest(server.url, token, 'patients', 'pull', { query: { limit: String(limit) } });
    const small = await counted(pull(10));
    const large = await counted(pull(100));
    expect((large.body as PullResponse<unknown>).documents).toHaveLength(100);
    expect(large.count).toBe(small.count);
    expect(large.count).toBe(1);
  });

  it('costs one statement for a pull from a checkpoint, the checkpoint checked by it, even when nothing changed', async () => {
    await counted(push('patients', await newRows(patients(30))));
    const pull = (checkpoint: unknown) => () =>
      syncRequest(server.url, token, 'patients', 'pull', {
        query: { limit: '20', ...(checkpoint ? { checkpoint: JSON.stringify(checkpoint) } : {}) },
      });
    const first = await counted(pull(null));
    const rest = await counted(pull((first.body as PullResponse<unknown>).checkpoint));
    expect((rest.body as PullResponse<unknown>).documents).toHaveLength(10);
    expect(rest.count).toBe(1);
    // What most pulls are under load: a PC answering a RESYNC for a collection where nothing changed.
    const empty = await counted(pull((rest.body as PullResponse<unknown>).checkpoint));
    expect((empty.body as PullResponse<unknown>).documents).toHaveLength(0);
    expect(empty.count).toBe(1);
  });
});
