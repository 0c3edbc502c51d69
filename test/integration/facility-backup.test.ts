import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRecoveryCode } from '../../shared/backup/backup-file';
import { IsolatedClient } from '../helpers/isolated-client';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

describe('a facility backup restored on a new PC after the old one died', () => {
  let server: TestServer;
  const clients: IsolatedClient[] = [];

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await server.close();
  });

  const patientCopies = () =>
    server.database.query<{ id: string; copies: number }>(
      `SELECT id, count(*)::int AS copies FROM sync_documents WHERE collection = 'patients' GROUP BY id`,
    );
  const phoneAtProvince = async (id: string): Promise<unknown> => {
    const [row] = await server.database.query<{ phone: unknown }>(
      `SELECT body->'phone' AS phone FROM sync_documents WHERE collection = 'patients' AND id = $1`,
      [id],
    );
    return row?.phone;
  };

  it('brings every document back, sends what only the backup held once, and duplicates nothing', async () => {
    const old = await IsolatedClient.open(server.url, await server.enroll('tiep-don-cu'));
    const other = await IsolatedClient.open(server.url, await server.enroll('phong-kham'));
    clients.push(old, other);
    await old.goOnline();
    await other.goOnline();
    const synced = [];
    for (let n = 0; n < 3; n++) {
      const result = await old.patients.register(numberedRegistrationForm('Đã gửi', n));
      if (!result.ok) throw new Error('registration refused');
      synced.push(result.patient);
    }
    await waitFor(async () => (await old.outbox.count()) === 0, 'the old PC has sent its patients');
    await waitFor(async () => (await other.database.patients.count().exec()) === 3, 'the other PC has them');

    // The province never hears of these: two new patients and an edit, then the disk dies.
    await old.goOffline();
    for (let n = 3; n < 5; n++)
      expect((await old.patients.register(numberedRegistrationForm('Chưa gửi', n))).ok).toBe(true);
    const [kept, edited] = synced as [(typeof synced)[number], (typeof synced)[number]];
    expect((await old.patients.update(edited.id, { phone: '0911000222' })).ok).toBe(true);
    expect(await old.outbox.count()).toBe(3);
    const code = newRecoveryCode();
    const file = await old.backup(code);
    await old.close();
    clients.splice(clients.indexOf(old), 1);

    // Meanwhile another PC edits a patient the backup holds in its older version.
    expect((await other.patients.update(kept.id, { phone: '0933000444' })).ok).toBe(true);
    await waitFor(async () => (await phoneAtProvince(kept.id)) === '0933000444', 'the province has the newer phone');

    // The new PC: enrolled with a new code, as a new device of the same facility.
    const fresh = IsolatedClient.firstRun(await server.enroll('tiep-don-moi'));
    clients.push(fresh);
    expect(fresh.enrollment.deviceTag).not.toBe(old.enrollment.deviceTag);
    const truncated = file.slice(0, Math.floor(file.length * 0.9));
    const at = file.length - 30;
    const tampered = `${file.slice(0, at)}${file.charAt(at) === 'A' ? 'B' : 'A'}${file.slice(at + 1)}`;
    await expect(fresh.restoreFrom(server.url, truncated, code)).rejects.toThrow(/truncated or altered/);
    await expect(fresh.restoreFrom(server.url, tampered, code)).rejects.toThrow(/truncated or altered/);
    await expect(fresh.restoreFrom(server.url, file, newRecoveryCode())).rejects.toThrow(/recovery code/);
    // The refusals wrote nothing: a restore goes only into an empty database, and this one does.
    const restored = await fresh.restoreFrom(server.url, file, code);
    expect(restored.patients).toBe(5);
    expect(await fresh.outbox.count()).toBe(3);
    expect(await fresh.database.patients.count().exec()).toBe(5);

    await fresh.goOnline();
    await waitFor(async () => (await fresh.outbox.count()) === 0, 'the new PC has sent what only the backup held');
    await waitFor(async () => (await patientCopies()).length === 5, 'the province has five patients');
    const copies = await patientCopies();
    expect(copies.every((row) => row.copies === 1)).toBe(true);
    expect(await phoneAtProvince(edited.id)).toBe('0911000222');
    // The province's newer version stands, and the old one is not recorded as a lost value.
    expect(await phoneAtProvince(kept.id)).toBe('0933000444');
    await waitFor(async () => (await fresh.patient(kept.id))?.phone === '0933000444', 'the new PC has the newer phone');
    const [conflicts] = await server.database.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_conflicts');
    expect(conflicts?.n).toBe(0);
    await waitFor(async () => (await other.database.patients.count().exec()) === 5, 'the other PC has all five');
  });
});
