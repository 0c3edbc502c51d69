import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoFacility } from '../../server/demo/demo-facility';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { storedStaffSigner } from '../helpers/signing';
import { TestServer } from '../helpers/test-server';

describe('the demo seed', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  const stored = async (id: string) =>
    (
      await server.database.query<{ body: StaffDocument; signature: { signer: string } | null }>(
        `SELECT body, signature FROM sync_documents WHERE collection = 'staff' AND id = $1`,
        [id],
      )
    )[0];

  it('gives demo accounts stored before keys existed their keys again, signed by the server', async () => {
    // An account as an older .sen-data holds it: no keys, no sealed key, no signature.
    await server.database.query(
      `UPDATE sync_documents SET body = body - 'keys' - 'sealedKey', signature = NULL, lineage = '{}' WHERE id = $1`,
      [DEMO_STAFF.doctor.id],
    );
    const untouched = await stored(DEMO_STAFF.nurse.id);
    await seedDemoFacility(server.database);

    const upgraded = await stored(DEMO_STAFF.doctor.id);
    expect(upgraded?.body.keys).toEqual(DEMO_STAFF.doctor.keys);
    expect(upgraded?.signature?.signer).toBe('server');
    // The demo password unseals the key it now carries.
    expect((await storedStaffSigner(server.database, DEMO_STAFF.doctor.id, DEMO_PASSWORD)).keyId).toBe(
      DEMO_STAFF.doctor.keys[0].keyId,
    );
    // Accounts that have keys are left as they are.
    expect(await stored(DEMO_STAFF.nurse.id)).toEqual(untouched);
  });
});
