import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { syncPath, type WireDocument } from '../../shared/sync/protocol';
import { demoSigner, signedDocument } from '../../test/helpers/signing';
import { authorOf, MIX_COLLECTIONS, type ClinicalMix, type MixAuthors, type MixCollection } from './clinical-mix';

/** The demo facility's accounts that write the mix: their keys sign it. */
export const MIX_AUTHORS: MixAuthors = {
  registrar: DEMO_STAFF.registrar.id,
  doctor: DEMO_STAFF.doctor.id,
  labTechnician: DEMO_STAFF.labTechnician.id,
};

export type SignedMix = Record<MixCollection, WireDocument<object>[]>;

/** Every document of the mix signed by its author, as their PCs would have pushed it. */
export async function signedMix(mix: ClinicalMix): Promise<SignedMix> {
  const signers = new Map<string, DocumentSigner>();
  for (const id of [MIX_AUTHORS.registrar, MIX_AUTHORS.doctor, MIX_AUTHORS.labTechnician])
    signers.set(id, await demoSigner(id));
  const signed = {} as SignedMix;
  for (const collection of MIX_COLLECTIONS) {
    const documents: { updatedBy: string }[] = mix[collection];
    const out: WireDocument<object>[] = [];
    // In slices: all at once would queue hundreds of thousands of WebCrypto jobs.
    for (let offset = 0; offset < documents.length; offset += 1000) {
      const slice = documents.slice(offset, offset + 1000);
      out.push(
        ...(await Promise.all(
          slice.map((document) => {
            const signer = signers.get(authorOf(document));
            if (!signer) throw new Error(`no signer for ${authorOf(document)}`);
            return signedDocument(collection, document, signer);
          }),
        )),
      );
    }
    signed[collection] = out;
  }
  return signed;
}

/**
 * Pushes the signed mix to `serverUrl` as one device would, collection by collection in the
 * order the references need, `pageSize` documents a request, one request at a time. Returns the
 * milliseconds the pushes took (the server's accept rate when nothing else runs).
 */
export async function pushMix(serverUrl: string, token: string, mix: SignedMix, pageSize: number): Promise<number> {
  const started = performance.now();
  for (const collection of MIX_COLLECTIONS) {
    const documents = mix[collection];
    for (let offset = 0; offset < documents.length; offset += pageSize) {
      const rows = documents.slice(offset, offset + pageSize).map((document) => ({ newDocumentState: document }));
      const response = await fetch(`${serverUrl}${syncPath(collection, 'push')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(rows),
      });
      const answer = (await response.json()) as unknown;
      if (!response.ok) throw new Error(`push ${collection}: ${response.status} ${JSON.stringify(answer)}`);
      // A push answers with the rows it did not take (conflicts or held rows): none expected here.
      if (Array.isArray(answer) && answer.length > 0)
        throw new Error(
          `push ${collection}: ${answer.length} rows not taken: ${JSON.stringify(answer[0]).slice(0, 400)}`,
        );
    }
  }
  return performance.now() - started;
}
