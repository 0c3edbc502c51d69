import { firstValueFrom, type Subscription } from 'rxjs';
import { AllergiesRepository, type AllergyInput, type AllergyResult } from '../../renderer/chart/allergies-repository';
import { ChartRepository } from '../../renderer/chart/chart-repository';
import { buildPatientChart, type PatientChart } from '../../renderer/chart/patient-chart';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { PatientChanges } from '../../renderer/patients/patients-repository';
import { CatalogRepository } from '../../renderer/catalog/catalog-repository';
import { SigningRepository } from '../../renderer/signing/signing-repository';
import type { SignableCollection } from '../../shared/clinical/signing-problem';
import { EncountersRepository, type VisitNotes } from '../../renderer/visits/encounters-repository';
import { addDiagnosis, type Conclusion, type DiagnosisChoice } from '../../renderer/visits/visit-rules';
import type { ObservationDocument, VitalSigns } from '../../shared/clinical/observation-document';
import type { QuarantinedDocument } from '../../renderer/sync/quarantine';
import type { SyncStatus } from '../../renderer/sync/sync-status';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { ConflictDocument } from '../../shared/sync/conflict-document';
import type { RegistrationForm } from '../../shared/patient/registration-form';
import type { EnrollResponse } from '../../shared/sync/enrollment';
import { PrescriptionDriver, type PrescriptionCall } from './prescription-driver';
import { OrdersDriver } from './orders-driver';
import { InpatientDriver } from './inpatient-driver';
import { TEST_DATABASE_KEY, TestClient } from './test-client';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { newBackupKey, sealBackup } from '../../shared/backup/backup-file';
import { collectBackup } from '../../renderer/backup/backup-content';
import { restoreOnNewPc } from '../../renderer/backup/restore-on-new-pc';
import type { RestoredCounts } from '../../renderer/backup/backup-content';
import { localDatabaseName } from '../../renderer/db/create-database';
import {
  ForeignHistoryRepository,
  type ForeignHistory,
  type LookupInput,
  type LookupResult,
} from '../../renderer/history/foreign-history-repository';
import type { SealedKey } from '../../shared/staff/sealed-key';
import { unsealedSigner } from './signing';
import { ReferralsDriver } from './referrals-driver';

/** What a test may ask of a client in its own worker: only data that can be copied across. */
export interface IsolatedClientOptions {
  /** How far the device clock is from the true time, for clock-skew tests */
  clockSkewMs?: number;
  userId?: string;
  /** Open collections beyond the client's own, standing in for the planned clinical record. */
  extraCollections?: number;
  /** Record patient writes in the device's audit trail */
  audit?: boolean;
}

export type DriverEvent = { kind: 'status'; value: SyncStatus } | { kind: 'quarantine'; value: QuarantinedDocument[] };

/**
 * Runs inside a client's worker: one desktop client (TestClient) and the calls a test makes on
 * it. Each worker has its own RxDB and its own in-memory IndexedDB, so each client counts its
 * collections against RxDB's per-process limit on its own.
 */
export class ClientDriver {
  private client: TestClient | undefined;
  private visitsRepository: { encounters: EncountersRepository; catalog: CatalogRepository } | undefined;
  private watching: Subscription[] = [];
  private prescriptions: PrescriptionDriver | undefined;
  private ordersDriver: OrdersDriver | undefined;
  private signingRepository: SigningRepository | undefined;
  private inpatientDriver: InpatientDriver | undefined;
  private referralsDriver: ReferralsDriver | undefined;

  constructor(private readonly emit: (event: DriverEvent) => void) {}

  async open(serverUrl: string, enrollment: EnrollResponse, options: IsolatedClientOptions): Promise<void> {
    const skew = options.clockSkewMs ?? 0;
    this.client = await TestClient.open(serverUrl, enrollment, {
      ...(options.userId ? { userId: options.userId } : {}),
      ...(skew === 0 ? {} : { now: () => new Date(Date.now() + skew) }),
      ...(options.extraCollections ? { extraCollections: options.extraCollections } : {}),
      ...(options.audit ? { audit: true } : {}),
      // A worker has a process's budget of collections to itself: the whole client set.
      conflicts: true,
    });
  }

  /** A facility backup of this PC, as the backup page makes it (fewer key rounds, for speed). */
  async backup(recoveryCode: string): Promise<string> {
    const { database, enrollment } = this.opened;
    const source = { facility: enrollment.facility, deviceId: enrollment.deviceId, deviceTag: enrollment.deviceTag };
    const { header, content } = await collectBackup(database, source, new Date());
    return sealBackup(header, content, await newBackupKey(recoveryCode, 100_000));
  }

  /** A new PC's first run: restores `text` into its database as the restore screen does, then opens it. */
  async openRestored(
    serverUrl: string,
    enrollment: EnrollResponse,
    text: string,
    recoveryCode: string,
  ): Promise<RestoredCounts> {
    const { restored } = await restoreOnNewPc({
      platform: { loadDatabaseKey: () => Promise.resolve(TEST_DATABASE_KEY) },
      credential: { ...enrollment, serverUrl },
      text,
      recoveryCode,
      storage: {
        storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
        validate: (storage) => wrappedValidateAjvStorage({ storage }),
        indexedDB,
      },
    });
    this.client = await TestClient.open(serverUrl, enrollment, {
      databaseName: localDatabaseName(enrollment.facility.code),
      conflicts: true,
    });
    return restored;
  }

  private get opened(): TestClient {
    if (!this.client) throw new Error('the client is not open');
    return this.client;
  }

  async goOnline(): Promise<void> {
    await this.opened.goOnline();
    const { sync } = this.opened;
    this.watching = [
      sync.status$.subscribe((value) => this.emit({ kind: 'status', value })),
      sync.quarantine$.subscribe((value) => this.emit({ kind: 'quarantine', value })),
    ];
  }

  async goOffline(): Promise<void> {
    for (const subscription of this.watching.splice(0)) subscription.unsubscribe();
    await this.opened.goOffline();
  }

  async close(): Promise<void> {
    for (const subscription of this.watching.splice(0)) subscription.unsubscribe();
    this.visitsRepository?.catalog.close();
    this.visitsRepository = undefined;
    this.prescriptions?.close();
    this.ordersDriver?.close();
    this.ordersDriver = undefined;
    this.inpatientDriver?.close();
    this.inpatientDriver = undefined;
    this.referralsDriver?.close();
    this.referralsDriver = undefined;
    await this.client?.close();
    this.client = undefined;
  }

  register(form: RegistrationForm) {
    return this.opened.patients.register(form);
  }

  update(id: string, changes: PatientChanges) {
    return this.opened.patients.update(id, changes);
  }

  remove(id: string): Promise<void> {
    return this.opened.patients.remove(id);
  }

  search(text: string): Promise<PatientDocument[]> {
    return this.opened.patients.search(text);
  }

  patient(id: string): Promise<PatientDocument | null> {
    return this.opened.patient(id);
  }

  patientIds(): Promise<string[]> {
    return this.opened.database.patients
      .find()
      .exec()
      .then((documents) => documents.map((document) => document.id));
  }

  patientCount(): Promise<number> {
    return this.opened.database.patients.count().exec();
  }

  /** The conflicts collection as this PC pulled it (shared/sync/conflict-document.ts). */
  async conflicts(): Promise<ConflictDocument[]> {
    const documents = await this.opened.database.conflicts.find({ sort: [{ recordedAt: 'asc' }] }).exec();
    return documents.map((document) => {
      const { syncMeta: _envelope, ...body } = document.toMutableJSON();
      return body;
    });
  }

  outboxCount(): Promise<number> {
    return this.opened.outbox.count();
  }

  /** Someone at the PC deletes an entry of its audit trail behind the app's back. */
  async removeAuditEntry(seq: number): Promise<void> {
    await (await this.opened.database.audit.findOne({ selector: { seq } }).exec())?.remove();
  }

  updateFromForm(id: string, form: RegistrationForm) {
    return this.opened.patients.updateFromForm(id, form);
  }

  /**
   * An edit written the way an older app version with laxer rules would have (no checks here),
   * recorded as unsent: for tests of what the server refuses.
   */
  async writeUnchecked(id: string, patch: Partial<PatientDocument>): Promise<void> {
    const written = await this.opened.writer.update('patients', id, (current) => ({ ...current, ...patch }));
    if (!written) throw new Error(`no patient ${id}`);
  }

  /** A PC that takes a field out of a patient record (a merge's mark), unchecked, sent as any edit. */
  async writeWithout(id: string, field: keyof PatientDocument): Promise<void> {
    const updatedBy = this.opened.writer.author();
    const written = await this.opened.writer.update('patients', id, (current) => {
      const { [field]: _dropped, ...rest } = current;
      return { ...rest, updatedBy } as typeof current;
    });
    if (!written) throw new Error(`no patient ${id}`);
  }

  heldCopy(collection: string, id: string): Record<string, unknown> | undefined {
    return this.opened.sync.heldCopy(collection, id);
  }

  resend(collection: 'patients' | 'staff' | 'audit', id: string): Promise<void> {
    return this.opened.sync.resend(collection, id);
  }

  async staffRoles(id: string): Promise<string[] | undefined> {
    return (await this.opened.database.staff.findOne(id).exec())?.toMutableJSON().roles;
  }

  /** From now on the client writes, and signs, as this demo staff member (a login at its desk). */
  actAs(userId: string): Promise<void> {
    return this.opened.actAs(userId);
  }

  private get encounters(): EncountersRepository {
    if (!this.visitsRepository) {
      const { database, writer, enrollment } = this.opened;
      const catalog = new CatalogRepository(database);
      const device = { deviceId: enrollment.deviceId, facilityCode: enrollment.facility.code };
      this.visitsRepository = { catalog, encounters: new EncountersRepository(database, writer, device, catalog) };
    }
    return this.visitsRepository.encounters;
  }

  async queueVisit(patientId: string, departmentCode: string, roomCode: string) {
    const patient = await this.opened.patient(patientId);
    if (!patient) throw new Error(`no patient ${patientId}`);
    return this.encounters.queue(patient, departmentCode, roomCode);
  }

  callVisit(id: string) {
    return this.encounters.call(id);
  }

  saveVisitNotes(id: string, notes: Partial<VisitNotes>) {
    return this.encounters.saveNotes(id, notes);
  }

  saveDiagnoses(id: string, choices: DiagnosisChoice[]) {
    return this.encounters.saveDiagnoses(id, choices);
  }

  /** Diagnosis codes picked one right after the other, as quick picks on the screen are: not awaited in between. */
  pickDiagnoses(id: string, codes: string[]) {
    return Promise.all(codes.map((code) => this.encounters.editDiagnoses(id, addDiagnosis(code))));
  }

  takeOverVisit(id: string) {
    return this.encounters.takeOver(id);
  }

  concludeVisit(id: string, conclusion: Conclusion) {
    return this.encounters.conclude(id, conclusion);
  }

  async saveVitals(id: string, vitals: VitalSigns) {
    const encounter = await this.encounters.get(id);
    if (!encounter) throw new Error(`no visit ${id}`);
    return this.encounters.saveVitals(encounter, vitals);
  }

  visit(id: string): Promise<EncounterDocument | null> {
    return this.encounters.get(id);
  }

  /** A room's queue today as this PC sees it, in calling order. */
  roomQueue(roomCode: string): Promise<EncounterDocument[]> {
    return firstValueFrom(this.encounters.roomQueue$(roomCode, this.encounters.today()));
  }

  async latestVitals(id: string): Promise<VitalSigns | null> {
    const encounter = await this.encounters.get(id);
    if (!encounter) return null;
    return (await firstValueFrom(this.encounters.latestVitals$(encounter)))?.vitals ?? null;
  }

  catalogCount(): Promise<number> {
    return this.opened.database.catalog.count().exec();
  }

  /** A call on the prescriptions feature of this client (prescription-driver.ts). */
  prescription(call: PrescriptionCall): Promise<unknown> {
    this.prescriptions ??= new PrescriptionDriver(this.opened);
    return this.prescriptions.run(call);
  }

  /**
   * From now on the client writes as an account of its facility that is no demo account: the
   * account as synced to this PC, its key unsealed with `password`, as a login would.
   */
  async logInAs(staffId: string, password: string): Promise<void> {
    const account = await this.opened.database.staff.findOne(staffId).exec();
    if (!account) throw new Error(`no account ${staffId} on this PC`);
    const sealed = account.toJSON() as { id: string; sealedKey: SealedKey };
    await this.opened.actAs(await unsealedSigner({ id: sealed.id, sealedKey: sealed.sealedKey }, password));
  }

  /** The chart's history lookup (renderer/history), as the logged-in user. */
  lookUpHistory(patient: PatientDocument, input: LookupInput): Promise<LookupResult> {
    return this.foreignHistory.lookUp(patient, input);
  }

  /** What this PC keeps of a patient's records elsewhere. */
  keptHistory(patientId: string): Promise<ForeignHistory> {
    return this.foreignHistory.history(patientId);
  }

  private get foreignHistory(): ForeignHistoryRepository {
    const client = this.opened;
    return new ForeignHistoryRepository(
      client.database,
      { serverUrl: client.serverUrl, token: client.enrollment.token },
      () => client.signer,
    );
  }

  /** A call on this PC's lab and imaging orders (orders-driver.ts). */
  orders(method: string, args: unknown[]): unknown {
    this.ordersDriver ??= new OrdersDriver(this.opened);
    const member = (this.ordersDriver as unknown as Record<string, unknown>)[method];
    if (typeof member !== 'function') throw new Error(`The orders driver has no method ${method}.`);
    return (member as (...values: unknown[]) => unknown).apply(this.ordersDriver, args);
  }

  /** A call on this PC's inpatient stays (inpatient-driver.ts). */
  inpatient(method: string, args: unknown[]): unknown {
    this.inpatientDriver ??= new InpatientDriver(this.opened);
    const member = (this.inpatientDriver as unknown as Record<string, unknown>)[method];
    if (typeof member !== 'function') throw new Error(`The inpatient driver has no method ${method}.`);
    return (member as (...values: unknown[]) => unknown).apply(this.inpatientDriver, args);
  }

  /** A call on this PC's referrals (referrals-driver.ts). */
  referrals(method: string, args: unknown[]): unknown {
    this.referralsDriver ??= new ReferralsDriver(this.opened);
    const member = (this.referralsDriver as unknown as Record<string, unknown>)[method];
    if (typeof member !== 'function') throw new Error(`The referrals driver has no method ${method}.`);
    return (member as (...values: unknown[]) => unknown).apply(this.referralsDriver, args);
  }

  /** A clinical document written as the visit, lab or pharmacy screens write it: through the writer. */
  async writeClinical(
    document:
      | { collection: 'encounters'; body: EncounterDocument }
      | { collection: 'orders'; body: OrderDocument }
      | { collection: 'observations'; body: ObservationDocument },
  ): Promise<void> {
    if (document.collection === 'encounters') await this.opened.writer.insert('encounters', document.body);
    else if (document.collection === 'orders') await this.opened.writer.insert('orders', document.body);
    else await this.opened.writer.insert('observations', document.body);
  }

  /** The patient's chart as this PC's chart page derives it. */
  async chart(patientId: string, today: string): Promise<PatientChart> {
    return buildPatientChart(await new ChartRepository(this.opened.database).load(patientId), today);
  }

  /** The chart as the page reads it for a merged patient: the primary's and its aliases' records. */
  async mergedChart(patientId: string, today: string): Promise<PatientChart> {
    const patient = await this.opened.patients.get(patientId);
    const aliases = patient ? await this.opened.patients.aliasesOf(patient) : [];
    const ids = [patientId, ...aliases.map((alias) => alias.id)];
    return buildPatientChart(await new ChartRepository(this.opened.database).load(ids), today);
  }

  private allergies(): AllergiesRepository {
    const { deviceId, facility } = this.opened.enrollment;
    return new AllergiesRepository(this.opened.database, this.opened.writer, { deviceId, facilityCode: facility.code });
  }

  recordAllergy(patientId: string, input: AllergyInput): Promise<AllergyResult> {
    return this.allergies().record(patientId, input);
  }

  deactivateAllergy(id: string, reason: string): Promise<AllergyResult> {
    return this.allergies().deactivate(id, reason);
  }

  /** A call on this PC's SigningRepository (renderer/signing), as the logged-in user. */
  signing(method: 'sign' | 'amendEncounter' | 'amendNote' | 'check', args: unknown[]): Promise<unknown> {
    const client = this.opened;
    this.signingRepository ??= new SigningRepository(client.database, client.writer, () => client.signer, {
      deviceId: client.enrollment.deviceId,
    });
    const repository = this.signingRepository;
    const calls = {
      sign: () => repository.sign(...(args as Parameters<SigningRepository['sign']>)),
      amendEncounter: () => repository.amendEncounter(...(args as Parameters<SigningRepository['amendEncounter']>)),
      amendNote: () => repository.amendNote(...(args as Parameters<SigningRepository['amendNote']>)),
      check: () => repository.check(...(args as Parameters<SigningRepository['check']>)),
    };
    return calls[method]();
  }

  /**
   * A change written as tampering software would: straight through the writer (so the sync
   * signature is the logged-in user's and valid), no rules, the clinical signature kept.
   */
  async patchClinical(collection: SignableCollection, id: string, patch: Record<string, unknown>): Promise<void> {
    const { writer } = this.opened;
    const written =
      collection === 'encounters'
        ? await writer.update('encounters', id, (current) => ({ ...current, ...patch }))
        : collection === 'orders'
          ? await writer.update('orders', id, (current) => ({ ...current, ...patch }))
          : collection === 'notes'
            ? await writer.update('notes', id, (current) => ({ ...current, ...patch }))
            : await writer.update('referrals', id, (current) => ({ ...current, ...patch }));
    if (!written) throw new Error(`no ${collection} document ${id}`);
  }

  /** A clinical document as this PC holds it (its body), or null. */
  async clinicalDocument(collection: SignableCollection, id: string): Promise<Record<string, unknown> | null> {
    const found = await this.opened.database[collection].findOne(id).exec();
    if (!found) return null;
    const { syncMeta: _envelope, ...body } = found.toMutableJSON() as Record<string, unknown>;
    return body;
  }

  openCollections(): number {
    return Object.keys(this.opened.database.collections).length;
  }
}
