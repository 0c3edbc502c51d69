import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { PUSH_BATCH_MAX } from '../../shared/sync/protocol';
import type { PatientHistory } from './clinical-history';
import { demoSigner, signedRows } from './signing';
import { syncRequest } from './sync-requests';

type Body = Record<string, unknown>;

async function pushAll(serverUrl: string, token: string, collection: string, rows: Body[], signerId: string) {
  const signer = await demoSigner(signerId);
  for (let start = 0; start < rows.length; start += PUSH_BATCH_MAX) {
    const batch = await signedRows(collection, rows.slice(start, start + PUSH_BATCH_MAX), signer);
    const answer = await syncRequest(serverUrl, token, collection, 'push', { body: batch });
    if (answer.status !== 200 || (Array.isArray(answer.body) && answer.body.length > 0))
      throw new Error(`pushing ${collection}: ${String(answer.status)} ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
}

/**
 * A patient and their history pushed as the facility's PCs would send them: the registration by
 * the registrar, visits, orders and vital signs by the doctor, results by the lab technician,
 * each kind after what it names.
 */
export async function pushPatientHistory(
  serverUrl: string,
  token: string,
  patient: PatientDocument,
  history: PatientHistory,
): Promise<void> {
  const rows = (documents: object[]): Body[] => documents.map((document) => ({ ...document }));
  await pushAll(serverUrl, token, 'patients', rows([patient]), DEMO_STAFF.registrar.id);
  await pushAll(serverUrl, token, 'encounters', rows(history.encounters), DEMO_STAFF.doctor.id);
  await pushAll(serverUrl, token, 'orders', rows(history.orders), DEMO_STAFF.doctor.id);
  const byDoctor = history.observations.filter((observation) => observation.createdBy === DEMO_STAFF.doctor.id);
  const byOthers = history.observations.filter((observation) => observation.createdBy !== DEMO_STAFF.doctor.id);
  await pushAll(serverUrl, token, 'observations', rows(byDoctor), DEMO_STAFF.doctor.id);
  const labTechnician = byOthers[0]?.createdBy;
  if (labTechnician) await pushAll(serverUrl, token, 'observations', rows(byOthers), labTechnician);
}
