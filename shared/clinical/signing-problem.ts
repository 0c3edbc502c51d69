import type { ReferralDocument } from '../referral/referral-document';
import type { EncounterDocument } from './encounter-document';
import type { NoteDocument } from './note-document';
import type { OrderDocument } from './order-document';
import { isSignedDocument } from './signed-document';

/** The collections whose documents a doctor signs: visits, prescriptions, a stay's notes, referrals. */
export type SignableCollection = 'encounters' | 'orders' | 'notes' | 'referrals';

export type SignableDocument = EncounterDocument | OrderDocument | NoteDocument | ReferralDocument;

export type UnsignableReason =
  'already-signed' | 'note-not-signable' | 'visit-not-finished' | 'order-cancelled' | 'referral-withdrawn';

/**
 * Why a document's content may not be signed, or null: a visit only once finished, a live
 * prescription, a progress note or discharge summary (a move between beds is not a clinical
 * statement to sign), a referral not withdrawn. The PC offers signing by this rule and the
 * server refuses by it.
 */
export function unsignableContent(
  collection: SignableCollection,
  document: SignableDocument,
): Exclude<UnsignableReason, 'already-signed'> | null {
  if ('senderStatus' in document) return document.senderStatus === 'cancelled' ? 'referral-withdrawn' : null;
  if (!('status' in document)) return document.kind === 'transfer' ? 'note-not-signable' : null;
  if (collection === 'encounters') return document.status === 'finished' ? null : 'visit-not-finished';
  return document.status === 'cancelled' ? 'order-cancelled' : null;
}

/** Why a document cannot be signed now, or null: signed already, or content not signable. */
export function signingProblem(collection: SignableCollection, document: SignableDocument): UnsignableReason | null {
  return isSignedDocument(document) ? 'already-signed' : unsignableContent(collection, document);
}

export function isSignableCollection(name: string): name is SignableCollection {
  return name === 'encounters' || name === 'orders' || name === 'notes' || name === 'referrals';
}
