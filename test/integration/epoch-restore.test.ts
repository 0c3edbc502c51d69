import { describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../../server/db/database';
import { startNewEpoch } from '../../server/db/epoch';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { IsolatedClient } from '../helpers/isolated-client';
import { useServerWithClient } from '../helpers/server-with-client';
import { waitFor } from '../helpers/wait-for';

const SYNC_TABLES = [
  'sync_scopes',
  'sync_documents',
  'sync_feed',
  'sync_conflicts',
  'sync_unique_values',
  'sync_changes',
] as const;
type Dump = Record<(typeof SYNC_TABLES)[number], Record<string, unknown>[]>;

/** A logical dump of the sync tables, as pg_dump would keep them. */
async function dump(database: SqlExecutor): Promise<Dump> {
  const tables = await Promise.all(
    SYNC_TABLES.map(async (table) => [table, await database.query<Record<string, unknown>>(`SELECT * FROM ${table}`)]),
  );
  return Object.fromEntries(tables) as Dump;
}

async function restore(database: SqlExecutor, snapshot: Dump): Promise<void> {
  // CASCADE: what is derived from these tables (the identity index's watermarks) starts over
  // with them, as it would from a dump that held it at the same moment.
  await database.query(`TRUNCATE ${[...SYNC_TABLES].reverse().join(', ')} CASCADE`);
  for (const table of SYNC_TABLES) {
    for (const row of snapshot[table]) {
      const columns = Object.keys(row);
      const values = columns.map((column) => {
        const value = row[column];
        // jsonb columns go back as JSON; arrays (text[]) and times as they came.
        return value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)
          ? JSON.stringify(value)
          : value;
      });
      await database.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, n) => `$${n + 1}`).join(', ')})`,
        values,
      );
    }
  }
}

describe('a server restored from an earlier dump', () => {
  const setup = useServerWithClient();

  const serverDocument = async (id: string): Promise<(PatientDocument & { deleted: boolean }) | undefined> => {
    const [row] = await setup.server.database.query<{ body: PatientDocument; deleted: boolean }>(
      `SELECT body, deleted FROM sync_documents WHERE id = $1`,
      [id],
    );
    return row ? { ...row.body, deleted: row.deleted } : undefined;
  };
  const register = async (n: number): Promise<PatientDocument> => {
    const result = await setup.client.patients.register(numberedRegistrationForm('Khôi phục', n));
    if (!result.ok) throw new Error('fixture');
    return result.patient;
  };
  const sent = async (): Promise<void> => {
    await waitFor(async () => (await setup.client.outbox.count()) === 0, 'everything sent');
  };
  const conflictsOn = (id: string) =>
    setup.server.database.query<{ field: string }>(`SELECT field FROM sync_conflicts WHERE document_id = $1`, [id]);
  const serverEnvelope = async (id: string) =>
    (
      await setup.server.database.query<{ lineage: string[]; signature: unknown }>(
        `SELECT lineage, signature FROM sync_documents WHERE id = $1`,
        [id],
      )
    )[0];

  it('is noticed by the client (410), which downloads again, keeps its unpushed changes and pushes back what was lost, an acknowledged edit as the newest value', async () => {
    const first = await register(1);
    const second = await register(2);
    await setup.client.goOnline();
    await sent();
    const earlier = await dump(setup.server.database);

    // After the dump: a new patient and an edit reach the server, and are lost by the restore.
    const afterDump = await register(3);
    expect((await setup.client.patients.update(first.id, { phone: '0977000111' })).ok).toBe(true);
    await sent();
    await setup.client.goOffline();

    // Offline, unpushed: an edit and a new patient.
    expect((await setup.client.patients.update(second.id, { phone: '0988000222' })).ok).toBe(true);
    const unpushed = await register(4);

    await setup.server.stop();
    await restore(setup.server.database, earlier);
    await startNewEpoch(setup.server.database);
    await setup.server.restart();
    expect(await serverDocument(afterDump.id)).toBeUndefined();

    await setup.client.goOnline();
    await sent();
    await waitFor(async () => (await serverDocument(unpushed.id)) !== undefined, 'the unpushed patient arrives');
    // The unpushed edit was made on the master the backup still has: it merges cleanly.
    expect((await serverDocument(second.id))?.phone).toBe('0988000222');
    expect(await setup.client.patient(second.id)).toMatchObject({ phone: '0988000222' });
    // What the restore lost is pushed back from the device.
    expect(await serverDocument(afterDump.id)).toMatchObject({ givenName: afterDump.givenName, deleted: false });
    // The acknowledged edit the backup lacks comes back as the newest value, not as a conflict:
    // the device's version names the backup's version in its lineage (a fast-forward).
    await waitFor(async () => (await serverDocument(first.id))?.phone === '0977000111', 'the edit is back');
    expect(await conflictsOn(first.id)).toEqual([]);
    expect(await setup.client.patient(first.id)).toMatchObject({ phone: '0977000111' });
    expect(await setup.client.database.patients.count().exec()).toBe(4);
    // And on every PC: one that starts from the restored server gets it too.
    const other = await IsolatedClient.open(setup.server.url, await setup.server.enroll('exam-room'));
    try {
      await other.goOnline();
      await waitFor(async () => (await other.patient(first.id))?.phone === '0977000111', 'the other PC has it');
      expect(await other.patient(first.id)).toMatchObject({ phone: '0977000111' });
    } finally {
      await other.close();
    }
  });

  it('brings back an acknowledged edit as the newest value when the restore is noticed late, after another PC pushed', async () => {
    const first = await register(1);
    await setup.client.goOnline();
    await sent();
    const earlier = await dump(setup.server.database);
    expect((await setup.client.patients.update(first.id, { phone: '0977000111' })).ok).toBe(true);
    await sent();
    setup.client.sync.syncNow();
    await setup.client.sync.awaitInSync();
    await setup.client.goOffline();

    // Restored without a new epoch: nothing tells the devices until one notices its checkpoint.
    await setup.server.stop();
    await restore(setup.server.database, earlier);
    await setup.server.restart();
    const other = await IsolatedClient.open(setup.server.url, await setup.server.enroll('exam-room'));
    try {
      const theirs = await other.patients.register(numberedRegistrationForm('Máy khác', 20));
      if (!theirs.ok) throw new Error('fixture');
      await other.goOnline();
      await waitFor(async () => (await other.outbox.count()) === 0, 'the other PC has pushed to the restored server');
      expect((await other.patient(first.id))?.phone).toBe(first.phone);

      await setup.client.goOnline();
      await waitFor(async () => (await serverDocument(first.id))?.phone === '0977000111', 'the edit is back');
      expect(await conflictsOn(first.id)).toEqual([]);
      await waitFor(async () => (await other.patient(first.id))?.phone === '0977000111', 'the other PC has it');
      expect(await setup.client.patient(first.id)).toMatchObject({ phone: '0977000111' });
      expect(await setup.client.patient(theirs.patient.id)).not.toBeNull();
    } finally {
      await other.close();
    }
  });

  it('takes back a version the server merged and signed, re-sent after a restore, without refusing it', async () => {
    const patient = await register(1);
    await setup.client.goOnline();
    await sent();
    const exam = await IsolatedClient.open(setup.server.url, await setup.server.enroll('exam-room'), {
      userId: DEMO_STAFF.doctor.id,
    });
    try {
      await exam.goOnline();
      await waitFor(async () => (await exam.patient(patient.id)) !== null, 'the exam room has the patient');
      await exam.goOffline();
      const earlier = await dump(setup.server.database);

      // Two edits of different fields, made on the same version: the later one is merged.
      expect((await setup.client.patients.update(patient.id, { phone: '0977000111' })).ok).toBe(true);
      await sent();
      expect((await exam.patients.update(patient.id, { bhyt: '0123456789' })).ok).toBe(true);
      await exam.goOnline();
      await waitFor(async () => (await exam.outbox.count()) === 0, 'the merge is answered');
      const merged = await serverEnvelope(patient.id);
      expect(merged?.signature).toMatchObject({ signer: 'server' });
      expect(await exam.patient(patient.id)).toMatchObject({ phone: '0977000111', bhyt: '0123456789' });
      await exam.goOffline();

      await setup.client.goOffline();
      await setup.server.stop();
      await restore(setup.server.database, earlier);
      await startNewEpoch(setup.server.database);
      await setup.server.restart();
      await exam.goOnline();
      await waitFor(
        async () => (await serverDocument(patient.id))?.bhyt === '0123456789',
        'the merged version is back',
      );
      expect(await serverDocument(patient.id)).toMatchObject({ phone: '0977000111', bhyt: '0123456789' });
      expect((await serverEnvelope(patient.id))?.signature).toMatchObject({ signer: 'server' });
      let held = -1;
      exam.sync.quarantine$.subscribe((entries) => (held = entries.length)).unsubscribe();
      expect(held).toBe(0);
      expect(await conflictsOn(patient.id)).toEqual([]);
    } finally {
      await exam.close();
    }
  });

  it('starts a device over even when the restore kept the old epoch, if its checkpoint is beyond the newest change', async () => {
    await register(1);
    await setup.client.goOnline();
    await sent();
    const earlier = await dump(setup.server.database);
    await register(2);
    await sent();
    // The device pulls its own write back, so that its checkpoint is beyond what the dump
    // keeps: going offline right after the acknowledgement could beat that pull.
    setup.client.sync.syncNow();
    await setup.client.sync.awaitInSync();
    await setup.client.goOffline();

    await setup.server.stop();
    await restore(setup.server.database, earlier);
    await setup.server.restart();
    await setup.client.goOnline();
    const onServer = async (): Promise<number> =>
      (await setup.server.database.query(`SELECT id FROM sync_documents WHERE collection = 'patients'`)).length;
    await waitFor(async () => (await onServer()) === 2, 'both patients are back');
    expect(await onServer()).toBe(2);
  });

  it('starts a device over when the restore kept the old epoch and other PCs pushed before it came back', async () => {
    await register(1);
    await setup.client.goOnline();
    await sent();
    const earlier = await dump(setup.server.database);
    const lost = await register(2);
    await sent();
    setup.client.sync.syncNow();
    await setup.client.sync.awaitInSync();
    await setup.client.goOffline();

    await setup.server.stop();
    await restore(setup.server.database, earlier);
    await setup.server.restart();
    // Another PC of the facility works on the restored server first: its changes take the
    // sequence numbers this device's checkpoint already passed.
    const other = await IsolatedClient.open(setup.server.url, await setup.server.enroll('exam-room'));
    try {
      const theirs: string[] = [];
      for (let n = 10; n < 13; n++) {
        const result = await other.patients.register(numberedRegistrationForm('Máy khác', n));
        if (result.ok) theirs.push(result.patient.id);
      }
      await other.goOnline();
      await waitFor(async () => (await other.outbox.count()) === 0, 'the other PC has sent its patients');

      await setup.client.goOnline();
      // This device misses none of theirs, and what the restore lost comes back from it.
      await waitFor(
        async () => (await setup.client.database.patients.count().exec()) === 5,
        'this device has all five patients',
      );
      for (const id of theirs) expect(await setup.client.patient(id)).not.toBeNull();
      await waitFor(async () => (await serverDocument(lost.id)) !== undefined, 'the lost patient is pushed back');
    } finally {
      await other.close();
    }
  });
});
