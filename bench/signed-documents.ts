import { DEMO_STAFF } from '../server/demo/demo-staff';
import type { PatientDocument } from '../shared/patient/patient-document';
import type { WireDocument } from '../shared/sync/protocol';
import { demoSigner, signedDocument } from '../test/helpers/signing';
import { benchRegistrarId } from './sen-server';

/**
 * The documents as their facility's registrar would push them: signed. Every bench registrar's
 * account carries the demo registrar's key (sen-server.ts), so its private half signs for them.
 */
export async function signedByRegistrar(
  documents: PatientDocument[],
  facilityCode = '10010',
): Promise<WireDocument<PatientDocument>[]> {
  const key = await demoSigner(DEMO_STAFF.registrar.id);
  const signer = { ...key, signer: benchRegistrarId(facilityCode) };
  const signed: WireDocument<PatientDocument>[] = [];
  // In slices: all at once would queue tens of thousands of WebCrypto jobs.
  for (let offset = 0; offset < documents.length; offset += 1000) {
    const slice = documents.slice(offset, offset + 1000);
    signed.push(...(await Promise.all(slice.map((document) => signedDocument('patients', document, signer)))));
  }
  return signed;
}
