import type { MangoQuery, MangoQuerySelector } from 'rxdb';
import { map, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { newPatientCode, typedPatientCode } from '../../shared/identifiers/patient-code';
import type { PATIENT_INDEXES, PatientDocument } from '../../shared/patient/patient-document';
import { buildPatientFromForm, type RegistrationForm } from '../../shared/patient/registration-form';
import { foldVietnamese } from '../../shared/text/fold-vietnamese';
import { patientProblems, type PatientProblem } from '../../shared/patient/patient-problems';
import { patientSearchKeys } from '../../shared/patient/patient-search-keys';
import { possibleDuplicates, type PossibleDuplicate } from '../../shared/patient/possible-duplicates';
import type { SenDatabase, Stored } from '../db/collections';
import type { DocumentWriter } from '../db/document-writer';
import { NO_AUDIT, type AuditRecorder } from '../audit/audit-log';

export interface DeviceIdentity {
  deviceId: string;
  facilityCode: string;
}

export type RegisterResult =
  | { ok: true; patient: PatientDocument }
  | { ok: false; problems: PatientProblem[]; existingPatient?: PatientDocument; duplicates?: PossibleDuplicate[] };

export interface SaveOptions {
  /** The clerk has seen the possible duplicates and says this is another person ("Bệnh nhân khác"). */
  confirmedDistinct?: boolean;
}

export type PatientIndex = (typeof PATIENT_INDEXES)[number];
/** The indexes the possible-duplicates check looks up by one key. */
type DuplicateIndex = 'nameYearKey' | 'phone';

/** What can change after registration: everything but identity and derived fields. */
export type PatientChanges = Partial<
  Omit<
    PatientDocument,
    | 'id'
    | 'facilityCode'
    | 'patientCode'
    | 'createdAt'
    | 'createdByDeviceId'
    | 'createdBy'
    | 'updatedBy'
    | 'nameKey'
    | 'givenNameKey'
    | 'nameYearKey'
    | 'mergedInto'
    | 'mergedAliases'
  >
>;

export type UpdateResult = { ok: true; patient: PatientDocument } | { ok: false; problems: PatientProblem[] };

const SEARCH_LIMIT = 50;
/** More namesakes than this in one facility is not a list a clerk can check anyway. */
const DUPLICATE_CANDIDATE_LIMIT = 1000;

/** The object without its undefined fields: a field cleared by an edit is left out, not stored as undefined. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** The body of a patient as the UI sees it: the sync envelope stays in the database layer. */
function patientOf(stored: PatientDocument & { syncMeta?: unknown }): PatientDocument {
  const { syncMeta: _envelope, ...patient } = stored;
  return patient;
}

/**
 * Patients of this facility: the only way the UI reads or writes them. Every write is made, and
 * signed, as the logged-in user (DocumentWriter).
 */
export class PatientsRepository {
  constructor(
    private readonly database: SenDatabase,
    private readonly writer: DocumentWriter,
    private readonly device: DeviceIdentity,
    private readonly now: () => Date = () => new Date(),
    private readonly audit: AuditRecorder = NO_AUDIT,
  ) {}

  private recordWrite(
    action: 'patient-create' | 'patient-update' | 'patient-delete',
    patientId: string,
  ): Promise<void> {
    // The write is done: a failed audit append is reported, not turned into a failed save
    // (which a clerk would retry, registering the patient twice).
    return this.audit
      .record({ action, userId: this.writer.author(), patientId })
      .catch((error: unknown) => console.error('Sen: an audit entry could not be written', error));
  }

  async register(form: RegistrationForm, options: SaveOptions = {}): Promise<RegisterResult> {
    const built = buildPatientFromForm(form, {
      id: uuidv7(),
      patientCode: newPatientCode(this.device.facilityCode, (length) => crypto.getRandomValues(new Uint8Array(length))),
      facilityCode: this.device.facilityCode,
      deviceId: this.device.deviceId,
      userId: this.writer.author(),
      now: this.now().toISOString(),
    });
    if (!built.ok) return built;
    if (built.patient.cccd !== '') {
      const existingPatient = await this.findByCccd(built.patient.cccd);
      if (existingPatient)
        return { ok: false, problems: [{ field: 'cccd', code: 'cccd-already-registered' }], existingPatient };
    }
    if (!options.confirmedDistinct) {
      const duplicates = await this.possibleDuplicatesOf(built.patient);
      if (duplicates.length > 0) return { ok: false, problems: [], duplicates };
    }
    await this.writer.insert('patients', built.patient);
    await this.recordWrite('patient-create', built.patient.id);
    return built;
  }

  /**
   * Changes demographics of a registered patient. Identity fields (id, facility, patient code,
   * creation) never change; search keys follow the name.
   */
  async update(id: string, changes: PatientChanges): Promise<UpdateResult> {
    const current = await this.get(id);
    if (!current) return { ok: false, problems: [{ field: 'patientCode', code: 'patient-not-found' }] };
    const updatedAt = this.now().toISOString();
    const updatedBy = this.writer.author();
    const edit = (patient: PatientDocument): PatientDocument => {
      const next: PatientDocument = withoutUndefined({ ...patient, ...changes, updatedAt, updatedBy });
      return { ...next, ...patientSearchKeys(next) };
    };
    const problems = patientProblems(edit(current));
    if (problems.length > 0) return { ok: false, problems };
    const written = await this.writer.update('patients', id, edit);
    if (!written) return { ok: false, problems: [{ field: 'patientCode', code: 'patient-not-found' }] };
    await this.recordWrite('patient-update', id);
    return { ok: true, patient: patientOf(written) };
  }

  /** Applies an edit made in the patient form: the same rules as registration. */
  async updateFromForm(id: string, form: RegistrationForm, options: SaveOptions = {}): Promise<RegisterResult> {
    const current = await this.database.patients.findOne(id).exec();
    if (!current) return { ok: false, problems: [{ field: 'patientCode', code: 'patient-not-found' }] };
    const built = buildPatientFromForm(form, {
      ...patientOf(current.toMutableJSON()),
      deviceId: current.createdByDeviceId,
      userId: current.createdBy,
      now: this.now().toISOString(),
    });
    if (!built.ok) return built;
    if (built.patient.cccd !== '' && built.patient.cccd !== current.cccd) {
      const existingPatient = await this.findByCccd(built.patient.cccd);
      if (existingPatient)
        return { ok: false, problems: [{ field: 'cccd', code: 'cccd-already-registered' }], existingPatient };
    }
    if (!options.confirmedDistinct) {
      // Only the likenesses this edit creates: a pair already told apart at registration (or in
      // an earlier edit) is not raised again on every change of address.
      const before = new Set(
        (await this.possibleDuplicatesOf(patientOf(current.toMutableJSON()))).map(({ patient }) => patient.id),
      );
      const duplicates = (await this.possibleDuplicatesOf(built.patient)).filter(
        ({ patient }) => !before.has(patient.id),
      );
      if (duplicates.length > 0) return { ok: false, problems: [], duplicates };
    }
    const { familyName, middleName, givenName, dateOfBirth, sex, cccd, bhyt, phone, address, ethnicityCode, guardian } =
      built.patient;
    const changes: PatientChanges = {
      // Cleared in the form: the guardian is removed (undefined is left out of the stored record).
      guardian,
      familyName,
      middleName,
      givenName,
      dateOfBirth,
      sex,
      cccd,
      bhyt,
      phone,
      address,
      ethnicityCode,
    };
    return this.update(id, changes);
  }

  /** Deletes as a tombstone, which syncs like any change. */
  async remove(id: string): Promise<void> {
    // The tombstone names who deleted the record: the server checks that they may.
    const updatedBy = this.writer.author();
    const updatedAt = this.now().toISOString();
    const removed = await this.writer.remove('patients', id, (patient) => ({ ...patient, updatedBy, updatedAt }));
    if (removed) await this.recordWrite('patient-delete', id);
  }

  /**
   * Registered patients of the facility who may be this one: one equality range each over the
   * `nameYearKey` index (same folded name and birth year: holds both the same birth date and the
   * same birth year and ward) and the `phone` index, then the birth date and ward compared on
   * the few documents they return. Only these are decrypted: at 100,000 patients a common name
   * has hundreds of namesakes, but few born the same year.
   */
  async possibleDuplicatesOf(candidate: PatientDocument): Promise<PossibleDuplicate[]> {
    const { nameYearKey } = patientSearchKeys(candidate);
    const lookups: Promise<PatientDocument[]>[] = [this.equalTo('nameYearKey', nameYearKey)];
    if (candidate.phone !== '') lookups.push(this.equalTo('phone', candidate.phone));
    return possibleDuplicates(candidate, (await Promise.all(lookups)).flat());
  }

  private async equalTo(field: DuplicateIndex, value: string): Promise<PatientDocument[]> {
    const documents = await this.database.patients.find(patientEqualQuery(field, value)).exec();
    return documents.map((document) => patientOf(document.toMutableJSON()));
  }

  async findByCccd(cccd: string): Promise<PatientDocument | undefined> {
    const found = await this.database.patients.findOne({ selector: { cccd } }).exec();
    return found ? patientOf(found.toMutableJSON()) : undefined;
  }

  async get(id: string): Promise<PatientDocument | null> {
    const found = await this.database.patients.findOne(id).exec();
    return found ? patientOf(found.toMutableJSON()) : null;
  }

  /** Emits whenever any patient is written, locally or by sync. */
  get changes$(): Observable<unknown> {
    return this.database.patients.$;
  }

  observe(id: string): Observable<PatientDocument | null> {
    return this.database.patients
      .findOne(id)
      .$.pipe(map((document) => (document ? patientOf(document.toMutableJSON()) : null)));
  }

  /**
   * Name prefixes (without diacritics, in written or given-name-first order) and identifier
   * prefixes, each an index range over a stored key: never a scan.
   */
  async search(text: string): Promise<PatientDocument[]> {
    const folded = foldVietnamese(text);
    if (folded === '') return this.listByGivenName();
    const ranges: { field: PatientIndex; prefix: string }[] = [
      { field: 'nameKey', prefix: folded },
      { field: 'givenNameKey', prefix: folded },
      ...identifierPrefixes(text),
    ];
    const results = await Promise.all(ranges.map(({ field, prefix }) => this.prefixRange(field, prefix)));
    const byId = new Map<string, PatientDocument>();
    for (const patient of await this.primariesOf(results.flat())) byId.set(patient.id, patient);
    return [...byId.values()].sort((a, b) => a.givenNameKey.localeCompare(b.givenNameKey)).slice(0, SEARCH_LIMIT);
  }

  private async listByGivenName(): Promise<PatientDocument[]> {
    const documents = await this.database.patients
      .find({ selector: {}, sort: [{ givenNameKey: 'asc' }], limit: SEARCH_LIMIT })
      .exec();
    // The list shows people: a record merged into another is listed as its primary.
    const byId = new Map<string, PatientDocument>();
    for (const patient of await this.primariesOf(documents.map((document) => patientOf(document.toMutableJSON()))))
      byId.set(patient.id, patient);
    return [...byId.values()].sort((a, b) => a.givenNameKey.localeCompare(b.givenNameKey));
  }

  /**
   * Each found record as the patient it belongs to: a record merged into another at the province
   * (`mergedInto`) is replaced by its primary, so a search by the alias's own code or CCCD still
   * finds the person, and shows them once. An alias whose primary has not reached this PC yet is
   * shown as it is.
   */
  private async primariesOf(found: readonly PatientDocument[]): Promise<PatientDocument[]> {
    const wanted = [...new Set(found.flatMap((patient) => (patient.mergedInto ? [patient.mergedInto] : [])))];
    if (wanted.length === 0) return [...found];
    const primaries = await this.database.patients.findByIds(wanted).exec();
    return found.map((patient) => {
      const primary = patient.mergedInto ? primaries.get(patient.mergedInto) : undefined;
      return primary ? patientOf(primary.toMutableJSON()) : patient;
    });
  }

  /**
   * The primary record when `id` was merged into another, with the alias it was reached by; the
   * record itself otherwise. Null when neither is on this PC.
   */
  async primaryOf(id: string): Promise<{ patient: PatientDocument; via: PatientDocument | null } | null> {
    const record = await this.get(id);
    if (!record) return null;
    const primary = record.mergedInto ? await this.get(record.mergedInto) : null;
    return primary ? { patient: primary, via: record } : { patient: record, via: null };
  }

  /** The records merged into this one that this PC holds (the chart joins their documents). */
  async aliasesOf(patient: PatientDocument): Promise<PatientDocument[]> {
    const ids = patient.mergedAliases ?? [];
    if (ids.length === 0) return [];
    const found = await this.database.patients.findByIds(ids).exec();
    return [...found.values()]
      .map((document) => patientOf(document.toMutableJSON()))
      .filter((alias) => alias.mergedInto === patient.id);
  }

  private async prefixRange(field: PatientIndex, prefix: string): Promise<PatientDocument[]> {
    const documents = await this.database.patients.find(patientPrefixQuery(field, prefix)).exec();
    return documents.map((document) => patientOf(document.toMutableJSON()));
  }
}

/**
 * What was typed, read as each identifier it could begin: spaces, dots and dashes are how
 * people group digits, +84 is the country code, and a patient code may be typed with or without
 * its dashes, in any case (typedPatientCode).
 */
function identifierPrefixes(text: string): { field: PatientIndex; prefix: string }[] {
  const compact = text.replace(/[\s.-]/g, '').toUpperCase();
  if (!/^\+?[0-9A-Z]+$/.test(compact)) return [];
  const digits = compact.replace(/^\+84/, '0');
  const patientCode = typedPatientCode(text);
  return [
    { field: 'cccd', prefix: digits },
    { field: 'phone', prefix: digits },
    { field: 'bhyt', prefix: compact },
    ...(patientCode === null ? [] : [{ field: 'patientCode' as const, prefix: patientCode }]),
  ];
}

/** Every key starting with `prefix`, as a range over the field's index. */
export function patientPrefixQuery(field: PatientIndex, prefix: string): MangoQuery<Stored<PatientDocument>> {
  const selector = { [field]: { $gte: prefix, $lt: `${prefix}\uffff` } } as MangoQuerySelector<Stored<PatientDocument>>;
  return { selector, index: [field, 'id'], limit: SEARCH_LIMIT };
}

/** Every patient whose key is exactly `value`, as an equality range over the field's index. */
export function patientEqualQuery(field: DuplicateIndex, value: string): MangoQuery<Stored<PatientDocument>> {
  const selector = { [field]: { $eq: value } } as MangoQuerySelector<Stored<PatientDocument>>;
  return { selector, index: [field, 'id'], limit: DUPLICATE_CANDIDATE_LIMIT };
}
