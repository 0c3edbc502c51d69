import { v7 as uuidv7 } from 'uuid';
import { newAuthorship } from '../../shared/clinical/common-fields';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { NoteDocument } from '../../shared/clinical/note-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import {
  amendmentProblems,
  changesSignedContent,
  checkClinicalSignature,
  openFieldsOf,
  signClinically,
  type SignatureCheck,
} from '../../shared/clinical/signed-document';
import { signingProblem, type SignableCollection, type SignableDocument } from '../../shared/clinical/signing-problem';
import { resolveVersions } from '../../shared/clinical/version-chain';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { importPublicKey } from '../../shared/signing/signing-keys';
import { verifyPassword } from '../../shared/staff/password-verifier';
import { can } from '../../shared/staff/roles';
import { SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import type { SenDatabase } from '../db/collections';
import type { DocumentWriter } from '../db/document-writer';

type DocumentOf<C extends SignableCollection> = C extends 'encounters'
  ? EncounterDocument
  : C extends 'orders'
    ? OrderDocument
    : C extends 'notes'
      ? NoteDocument
      : ReferralDocument;

export interface SigningProblem {
  field: string;
  code: string;
}
export type SignResult<T> = { ok: true; document: T } | { ok: false; problems: SigningProblem[] };

/**
 * What an amendment of a stay's note may change: a progress note's text and orders of the day,
 * a discharge summary's treatment, follow-up and advice (its diagnoses keep the ICD-10 rules of
 * the discharge form and are not amended here).
 */
export type NoteAmendment = {
  text?: string;
  ordersSummary?: string;
  treatment?: string;
  followUp?: string;
  advice?: string;
};

/** What an amendment of a visit may change: the record of the examination and its conclusion. */
export type EncounterAmendment = Partial<Pick<EncounterDocument, 'reason' | 'history' | 'examination' | 'advice'>>;

export interface SigningDevice {
  deviceId: string;
}

const fail = <T>(field: string, code: string): SignResult<T> => ({ ok: false, problems: [{ field, code }] });

function bodyOf<T>(stored: T & { syncMeta?: unknown }): T {
  const { syncMeta: _envelope, ...body } = stored;
  return body as T;
}

/** The fields a collection leaves open once signed (shared/sync/collections.ts). */
function openFields(collection: SignableCollection): readonly string[] {
  return openFieldsOf(SYNCED_COLLECTIONS[collection].mergePolicy);
}

/** Aborts a write when the document changed between reading it and signing it. */
class ChangedMeanwhile extends Error {}

/**
 * Signing ("ký") and amending clinical documents, and checking signatures on this PC. Signing is
 * a deliberate act: the password is checked again against the signer's verifier, and the key
 * the session unsealed at login signs the content, the signer and the time (decision 0006).
 * The write that signs is the signer's own, through the DocumentWriter like every other.
 */
export class SigningRepository {
  private readonly publicKeys = new Map<string, Promise<CryptoKey | null>>();

  constructor(
    private readonly database: SenDatabase,
    private readonly writer: DocumentWriter,
    /** The logged-in user's key (throws when nobody is logged in) */
    private readonly signer: () => DocumentSigner,
    private readonly device: SigningDevice,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether `password` is the logged-in user's, and they may sign: checked on this PC. */
  private async confirmSigner(password: string): Promise<SigningProblem | null> {
    const signer = this.signer();
    const account = (await this.database.staff.findOne(signer.signer).exec())?.toMutableJSON();
    if (!account || !can(account.roles, 'clinical.sign')) return { field: 'signer', code: 'may-not-sign' };
    if (!(await verifyPassword(password, account.password))) return { field: 'password', code: 'password-wrong' };
    return null;
  }

  /**
   * Signs a finished visit or a prescription as the logged-in doctor, after their password.
   * Nothing is written when any rule fails or the document changed while the password was
   * being checked.
   */
  async sign<C extends SignableCollection>(
    collection: C,
    id: string,
    password: string,
  ): Promise<SignResult<DocumentOf<C>>> {
    const current = await this.get(collection, id);
    if (!current) return fail('id', 'not-found');
    const problem = signingProblem(collection, current);
    if (problem) return fail('status', problem);
    const refusal = await this.confirmSigner(password);
    if (refusal) return { ok: false, problems: [refusal] };
    const at = this.now().toISOString();
    const signer = this.signer();
    const stamped = { ...current, updatedAt: at, updatedBy: signer.signer };
    const signed = await signClinically(collection, stamped, openFields(collection), signer, at);
    try {
      const written = await this.writer.update(collection, id, (stored) => {
        // Sync may have brought another PC's edit meanwhile: what was signed must be what is written.
        if (changesSignedContent(stored, current, openFields(collection))) throw new ChangedMeanwhile();
        return { ...stored, ...pickSignature(signed), updatedAt: at, updatedBy: signer.signer };
      });
      if (!written) return fail('id', 'not-found');
      return { ok: true, document: bodyOf(written) as unknown as DocumentOf<C> };
    } catch (error) {
      if (error instanceof ChangedMeanwhile) return fail('id', 'changed-meanwhile');
      throw error;
    }
  }

  /**
   * An amendment of a signed visit: a new visit document, signed, naming the version it replaces
   * and why. The replaced version stays as it was, readable; orders and results keep naming
   * the original visit and are shown with the version in force (version-chain.ts).
   */
  async amendEncounter(
    id: string,
    changes: EncounterAmendment,
    reason: string,
    password: string,
  ): Promise<SignResult<EncounterDocument>> {
    const previous = await this.get('encounters', id);
    if (!previous) return fail('id', 'not-found');
    const problems = amendmentProblems(previous, reason);
    const versions = await this.encountersOf(previous.patientId);
    if (resolveVersions(versions).isSuperseded(id)) problems.push({ field: 'supersedes', code: 'amend-superseded' });
    const text = Object.fromEntries(
      Object.entries(changes).map(([field, value]) => [field, value.normalize('NFC')]),
    ) as EncounterAmendment;
    if (Object.entries(text).every(([field, value]) => previous[field as keyof EncounterAmendment] === value))
      problems.push({ field: 'changes', code: 'amendment-unchanged' });
    if (problems.length > 0) return { ok: false, problems };
    const refusal = await this.confirmSigner(password);
    if (refusal) return { ok: false, problems: [refusal] };

    const signer = this.signer();
    const at = this.now().toISOString();
    const newId = uuidv7();
    const draft: EncounterDocument = {
      ...withoutSignature(previous),
      ...text,
      id: newId,
      supersedes: previous.id,
      amendmentReason: reason.trim().normalize('NFC'),
      ...newAuthorship(at, this.device.deviceId, signer.signer),
    };
    const amendment = await signClinically('encounters', draft, openFields('encounters'), signer, at);
    await this.writer.insert('encounters', amendment);
    return { ok: true, document: amendment };
  }

  /**
   * An amendment of a signed progress note or discharge summary: a new note of the same stay,
   * signed, naming the version it replaces and why (the same rules as a visit's amendment).
   */
  async amendNote(
    id: string,
    changes: NoteAmendment,
    reason: string,
    password: string,
  ): Promise<SignResult<NoteDocument>> {
    const previous = await this.get('notes', id);
    if (!previous) return fail('id', 'not-found');
    const problems = amendmentProblems(previous, reason);
    if (previous.kind === 'transfer') problems.push({ field: 'kind', code: 'note-not-signable' });
    const notes = await this.database.notes.find({ selector: { encounterId: previous.encounterId } }).exec();
    const versions = resolveVersions(notes.map((note) => bodyOf<NoteDocument>(note.toMutableJSON())));
    if (versions.isSuperseded(id)) problems.push({ field: 'supersedes', code: 'amend-superseded' });
    const text = (value: string | undefined, was: string): string => (value ?? was).normalize('NFC');
    const draft: NoteDocument = { ...withoutSignature(previous), text: text(changes.text, previous.text) };
    if (previous.progress) {
      draft.progress = {
        ...previous.progress,
        ordersSummary: text(changes.ordersSummary, previous.progress.ordersSummary),
      };
    }
    if (previous.discharge) {
      draft.discharge = {
        ...previous.discharge,
        treatment: text(changes.treatment, previous.discharge.treatment),
        followUp: text(changes.followUp, previous.discharge.followUp),
        advice: text(changes.advice, previous.discharge.advice),
      };
    }
    if (!changesSignedContent(draft, withoutSignature(previous), []))
      problems.push({ field: 'changes', code: 'amendment-unchanged' });
    if (previous.discharge && draft.discharge?.treatment.trim() === '')
      problems.push({ field: 'treatment', code: 'treatment-required' });
    if (problems.length > 0) return { ok: false, problems };
    const refusal = await this.confirmSigner(password);
    if (refusal) return { ok: false, problems: [refusal] };

    const signer = this.signer();
    const at = this.now().toISOString();
    const amendment = await signClinically(
      'notes',
      {
        ...draft,
        id: uuidv7(),
        supersedes: previous.id,
        amendmentReason: reason.trim().normalize('NFC'),
        writtenAt: at,
        ...newAuthorship(at, this.device.deviceId, signer.signer),
      },
      openFields('notes'),
      signer,
      at,
    );
    await this.writer.insert('notes', amendment);
    return { ok: true, document: amendment };
  }

  /**
   * Whether a document's clinical signature holds against its signer's keys as this PC holds
   * the staff accounts: the same check on every PC, offline included.
   */
  async check(collection: SignableCollection, document: SignableDocument): Promise<SignatureCheck> {
    return checkClinicalSignature(collection, document, openFields(collection), async (staffId, keyId) => {
      const account = (await this.database.staff.findOne(staffId).exec())?.toMutableJSON();
      const listed = account?.keys.find((key) => key.keyId === keyId);
      return listed ? this.publicKey(listed.publicKey) : undefined;
    });
  }

  private publicKey(spki: string): Promise<CryptoKey | null> {
    let key = this.publicKeys.get(spki);
    if (!key) {
      key = importPublicKey(spki).catch(() => null);
      this.publicKeys.set(spki, key);
    }
    return key;
  }

  private async get<C extends SignableCollection>(collection: C, id: string): Promise<DocumentOf<C> | null> {
    const found = await this.database[collection].findOne(id).exec();
    return found ? (bodyOf(found.toMutableJSON()) as unknown as DocumentOf<C>) : null;
  }

  private async encountersOf(patientId: string): Promise<EncounterDocument[]> {
    const found = await this.database.encounters.find({ selector: { patientId } }).exec();
    return found.map((document) => bodyOf<EncounterDocument>(document.toMutableJSON()));
  }
}

function pickSignature(document: {
  signedBy?: string | undefined;
  signedAt?: string | undefined;
  clinicalSignature?: unknown;
}) {
  return { signedBy: document.signedBy, signedAt: document.signedAt, clinicalSignature: document.clinicalSignature };
}

/** A version's content without its signature and amendment fields: the start of the next one. */
function withoutSignature<T extends EncounterDocument | NoteDocument>(document: T): T {
  const {
    signedBy: _signedBy,
    signedAt: _signedAt,
    clinicalSignature: _signature,
    supersedes: _supersedes,
    amendmentReason: _reason,
    ...content
  } = document;
  return content as T;
}
