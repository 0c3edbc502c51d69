import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_FACILITY_CODE } from '../../server/demo/demo-facility-code';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { openFieldsOf, signClinically } from '../../shared/clinical/signed-document';
import { SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import { finishedVisit } from '../helpers/clinical-history';
import { patientDocument } from '../helpers/patient-documents';
import { pushPatientHistory } from '../helpers/push-clinical-history';
import { demoSigner, signedRows } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { TestServer } from '../helpers/test-server';

const DOCTOR = DEMO_STAFF.doctor.id;
const TODAY = new Date().toISOString().slice(0, 10);

/**
 * The server signs off only what the PC may offer for signing (shared/clinical/signing-problem.ts):
 * a PC that skips the rule, or is modified to, is refused before anything is stored.
 */
describe('what may be signed, at the server', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  async function pushSignedVisit(token: string, visit: EncounterDocument) {
    const doctor = await demoSigner(DOCTOR);
    const openFields = openFieldsOf(SYNCED_COLLECTIONS.encounters.mergePolicy);
    const signed = await signClinically('encounters', visit, openFields, doctor, new Date().toISOString());
    return syncRequest(server.url, token, 'encounters', 'push', {
      body: await signedRows('encounters', [{ ...signed }], doctor),
    });
  }

  it('refuses a signed visit that is not finished, storing nothing, and takes the finished one', async () => {
    const pc = await server.enroll('phòng khám');
    const patient = patientDocument(DEMO_FACILITY_CODE);
    await pushPatientHistory(server.url, pc.token, patient, { encounters: [], orders: [], observations: [] });
    const by = { facilityCode: DEMO_FACILITY_CODE, deviceId: pc.deviceId, staffId: DOCTOR };

    const open = finishedVisit(patient.id, by, TODAY, { status: 'in-progress' });
    const refused = await pushSignedVisit(pc.token, open);
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'forbidden', details: { reason: 'content-not-signable', problem: 'visit-not-finished' } },
    });
    const storedOpen = await server.database.query('SELECT 1 FROM sync_documents WHERE id = $1', [open.id]);
    expect(storedOpen).toHaveLength(0);

    const finished = finishedVisit(patient.id, by, TODAY);
    expect(await pushSignedVisit(pc.token, finished)).toMatchObject({ status: 200, body: [] });
    const [stored] = await server.database.query<{ body: { signedBy: string } }>(
      'SELECT body FROM sync_documents WHERE id = $1',
      [finished.id],
    );
    expect(stored?.body.signedBy).toBe(DOCTOR);
  });
});
