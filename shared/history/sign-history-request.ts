import { signDocument } from '../signing/document-signature';
import type { DocumentSigner } from '../signing/signing-keys';
import { HISTORY_REQUEST_KIND, type HistoryRequest, type HistoryRequestBody } from './history-request';

/** The request as sent: signed by the staff member who asks, with the key they write with. */
export async function signHistoryRequest(request: HistoryRequest, signer: DocumentSigner): Promise<HistoryRequestBody> {
  return { request, signature: await signDocument(HISTORY_REQUEST_KIND, request, signer) };
}
