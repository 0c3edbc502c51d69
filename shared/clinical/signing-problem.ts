import type { EncounterDocument } from './encounter-document';
import type { NoteDocument } from './note-document';
import type { OrderDocument } from './order-document';
import { isSignedDocument } from './signed-document';

/** The collections whose documents a doctor signs: visits, prescriptions, and a stay's notes. */
export type SignableCollection = 'encounters' | 'orders' | 'notes';

export type UnsignableReason = 'already-signed' | 'note-not-signable' | 'visit-not-finished' | 'order-cancelled';

/**
 * Why a document's content may not be signed, or null: a visit only once finished, a live
 * prescription, a progress note or discharge summary (a move between beds is not a clinical
 * statement to sign). The PC offers signing by this rule and the server refuses by it.
 */
export function unsignableContent(
  collection: SignableCollection,
  document: EncounterDocument | OrderDocument | NoteDocument,
): Exclude<UnsignableReason, 'already-signed'> | null {
  if (!('status' in document)) return document.kind === 'transfer' ? 'note-not-signable' : null;
  if (collection === 'encounters') return document.status === 'finished' ? null : 'visit-not-finished';
  return document.status === 'cancelled' ? 'order-cancelled' : null;
}

/** Why a document cannot be signed now, or null: signed already, or content not signable. */
export function signingProblem(
  collection: SignableCollection,
  document: EncounterDocument | OrderDocument | NoteDocument,
): UnsignableReason | null {
  return isSignedDocument(document) ? 'already-signed' : unsignableContent(collection, document);
}

export function isSignableCollection(name: string): name is SignableCollection {
  return name === 'encounters' || name === 'orders' || name === 'notes';
}
