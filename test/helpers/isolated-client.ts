import { Worker } from 'node:worker_threads';
import { BehaviorSubject } from 'rxjs';
import type { AllergyInput } from '../../renderer/chart/allergies-repository';
import type { PatientChanges } from '../../renderer/patients/patients-repository';
import type { VisitNotes } from '../../renderer/visits/encounters-repository';
import type { Conclusion, DiagnosisChoice } from '../../renderer/visits/visit-rules';
import type { VitalSigns } from '../../shared/clinical/observation-document';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { SignatureCheck } from '../../shared/clinical/signed-document';
import type { SignableCollection } from '../../shared/clinical/signing-problem';
import type { EncounterAmendment, NoteAmendment, SignResult } from '../../renderer/signing/signing-repository';
import type { QuarantinedDocument } from '../../renderer/sync/quarantine';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../../renderer/sync/sync-status';
import type { NoteDocument } from '../../shared/clinical/note-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { RegistrationForm } from '../../shared/patient/registration-form';
import type { EnrollResponse } from '../../shared/sync/enrollment';
import type { ClientDriver, DriverEvent, IsolatedClientOptions } from './client-driver';
import type { PrescriptionCall, PrescriptionResult } from './prescription-driver';
import { remoteOrders } from './orders-remote';
import { remoteInpatient } from './inpatient-remote';
import { remoteReferrals } from './referrals-remote';
import { provided } from './provided';
import type { LookupInput } from '../../renderer/history/foreign-history-repository';

type DriverMethods = {
  [K in keyof ClientDriver as ClientDriver[K] extends (...args: never[]) => unknown ? K : never]: ClientDriver[K];
};
type Method = keyof DriverMethods;
type Result<K extends Method> = Awaited<ReturnType<DriverMethods[K]>>;

interface Answer {
  id?: number;
  result?: unknown;
  error?: { message: string; stack: string };
  event?: DriverEvent;
}

/**
 * The run's bundle of the worker when the global setup made one (client-worker-setup.ts), else
 * the TypeScript sources as they are, through tsx.
 */
function startClientWorker(): Worker {
  const bundle = provided('clientWorkerPath');
  if (bundle) return new Worker(bundle, { execArgv: ['--enable-source-maps'] });
  return new Worker(new URL('./client-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
}

/** Clients not yet closed: a test file that leaves one open fails (no-open-databases.ts). */
export const OPEN_ISOLATED_CLIENTS = new Set<IsolatedClient>();

/**
 * A desktop client in a worker thread of its own, driven from the test: its own RxDB, its own
 * IndexedDB, and so its own budget of RxDB's 13 open collections per process. Two or three of
 * them, each with the whole planned collection set, fit in one test. The surface is the part of
 * TestClient that multi-client tests use; every call crosses to the worker and back.
 */
export class IsolatedClient {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private readonly status = new BehaviorSubject<SyncStatus>(INITIAL_SYNC_STATUS);
  private readonly held = new BehaviorSubject<QuarantinedDocument[]>([]);

  readonly patients = {
    register: (form: RegistrationForm) => this.call('register', form),
    update: (id: string, changes: PatientChanges) => this.call('update', id, changes),
    updateFromForm: (id: string, form: RegistrationForm) => this.call('updateFromForm', id, form),
    /** An edit as an older app version with laxer rules would have written it, unsent. */
    writeUnchecked: (id: string, patch: Partial<PatientDocument>) => this.call('writeUnchecked', id, patch),
    writeWithout: (id: string, field: keyof PatientDocument) => this.call('writeWithout', id, field),
    remove: (id: string) => this.call('remove', id),
    search: (text: string) => this.call('search', text),
  };
  /** Visits through the client's EncountersRepository (renderer/visits). */
  readonly visits = {
    queue: (patientId: string, departmentCode: string, roomCode: string) =>
      this.call('queueVisit', patientId, departmentCode, roomCode),
    call: (id: string) => this.call('callVisit', id),
    saveNotes: (id: string, notes: Partial<VisitNotes>) => this.call('saveVisitNotes', id, notes),
    saveDiagnoses: (id: string, choices: DiagnosisChoice[]) => this.call('saveDiagnoses', id, choices),
    pickDiagnoses: (id: string, codes: string[]) => this.call('pickDiagnoses', id, codes),
    takeOver: (id: string) => this.call('takeOverVisit', id),
    conclude: (id: string, conclusion: Conclusion) => this.call('concludeVisit', id, conclusion),
    saveVitals: (id: string, vitals: VitalSigns) => this.call('saveVitals', id, vitals),
    get: (id: string) => this.call('visit', id),
    roomQueue: (roomCode: string) => this.call('roomQueue', roomCode),
    latestVitals: (id: string) => this.call('latestVitals', id),
  };
  readonly catalog = { count: () => this.call('catalogCount') };
  readonly outbox = { count: () => this.call('outboxCount') };
  /** The PC's audit trail, tampered with by someone at the PC. */
  readonly audit = { removeEntry: (seq: number) => this.call('removeAuditEntry', seq) };
  /** The values that lost a merge, as this PC pulled them (the conflicts collection). */
  readonly conflicts = { all: () => this.call('conflicts') };
  readonly sync = {
    status$: this.status.asObservable(),
    quarantine$: this.held.asObservable(),
    heldCopy: (collection: string, id: string) => this.call('heldCopy', collection, id),
    resend: (collection: 'patients' | 'staff' | 'audit', id: string) => this.call('resend', collection, id),
  };
  /** The patient's history at other facilities (renderer/history), as the chart asks for it. */
  readonly history = {
    logInAs: (staffId: string, password: string) => this.call('logInAs', staffId, password),
    lookUp: (patient: PatientDocument, input: LookupInput) => this.call('lookUpHistory', patient, input),
    kept: (patientId: string) => this.call('keptHistory', patientId),
  };
  /** The PC's lab and imaging orders (orders-driver.ts). */
  readonly orders = remoteOrders((method, args) => this.call('orders', method, args));
  /** The PC's inpatient stays (inpatient-driver.ts). */
  readonly inpatient = remoteInpatient((method, args) => this.call('inpatient', method, args));
  /** The PC's referrals (referrals-driver.ts). */
  readonly referrals = remoteReferrals((method, args) => this.call('referrals', method, args));
  readonly staff = { roles: (id: string) => this.call('staffRoles', id) };
  /** The clinical record: written through the writer, read as the chart page reads it. */
  readonly clinical = {
    write: (document: Parameters<ClientDriver['writeClinical']>[0]) => this.call('writeClinical', document),
    chart: (patientId: string, today: string) => this.call('chart', patientId, today),
    mergedChart: (patientId: string, today: string) => this.call('mergedChart', patientId, today),
    recordAllergy: (patientId: string, input: AllergyInput) => this.call('recordAllergy', patientId, input),
    deactivateAllergy: (id: string, reason: string) => this.call('deactivateAllergy', id, reason),
  };
  /** Signing and amending through the PC's SigningRepository (renderer/signing). */
  readonly signing = {
    sign: (collection: SignableCollection, id: string, password: string) =>
      this.call('signing', 'sign', [collection, id, password]) as Promise<SignResult<Record<string, unknown>>>,
    amendEncounter: (id: string, changes: EncounterAmendment, reason: string, password: string) =>
      this.call('signing', 'amendEncounter', [id, changes, reason, password]) as Promise<SignResult<EncounterDocument>>,
    amendNote: (id: string, changes: NoteAmendment, reason: string, password: string) =>
      this.call('signing', 'amendNote', [id, changes, reason, password]) as Promise<SignResult<NoteDocument>>,
    check: (collection: SignableCollection, document: Record<string, unknown>) =>
      this.call('signing', 'check', [collection, document]) as Promise<SignatureCheck>,
    /** Tampering: a change through the writer that keeps the clinical signature as it was. */
    patch: (collection: SignableCollection, id: string, patch: Record<string, unknown>) =>
      this.call('patchClinical', collection, id, patch),
    document: (collection: SignableCollection, id: string) => this.call('clinicalDocument', collection, id),
  };
  readonly database = {
    patients: {
      count: () => ({ exec: () => this.call('patientCount') }),
      find: () => ({ exec: async () => (await this.call('patientIds')).map((id) => ({ id })) }),
    },
  };

  private constructor(
    private readonly worker: Worker,
    readonly enrollment: EnrollResponse,
  ) {
    worker.on('message', (answer: Answer) => this.receive(answer));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`the client's worker exited (${String(code)})`)));
  }

  static async open(
    serverUrl: string,
    enrollment: EnrollResponse,
    options: IsolatedClientOptions = {},
  ): Promise<IsolatedClient> {
    const worker = startClientWorker();
    const client = new IsolatedClient(worker, enrollment);
    try {
      await client.call('open', serverUrl, enrollment, options);
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    OPEN_ISOLATED_CLIENTS.add(client);
    return client;
  }

  /** A new PC on its first run, before anything is in its database: restoreFrom() comes next. */
  static firstRun(enrollment: EnrollResponse): IsolatedClient {
    const client = new IsolatedClient(startClientWorker(), enrollment);
    OPEN_ISOLATED_CLIENTS.add(client);
    return client;
  }

  /** Restores a facility backup as the first-run screen does (restore-on-new-pc.ts), then opens the PC. */
  restoreFrom(serverUrl: string, text: string, recoveryCode: string): Promise<Record<string, number>> {
    return this.call('openRestored', serverUrl, this.enrollment, text, recoveryCode);
  }

  /** The facility backup file this PC would write now. */
  backup(recoveryCode: string): Promise<string> {
    return this.call('backup', recoveryCode);
  }

  /** From now on the client writes, and signs, as this demo staff member. */
  actAs(userId: string): Promise<void> {
    return this.call('actAs', userId);
  }

  goOnline(): Promise<void> {
    return this.call('goOnline');
  }

  goOffline(): Promise<void> {
    return this.call('goOffline');
  }

  patient(id: string) {
    return this.call('patient', id);
  }

  /** The prescriptions feature on this client (prescription-driver.ts). */
  async prescription<C extends PrescriptionCall>(call: C): Promise<PrescriptionResult<C>> {
    return (await this.call('prescription', call)) as PrescriptionResult<C>;
  }

  /** How many RxDB collections this client holds open in its worker. */
  openCollections(): Promise<number> {
    return this.call('openCollections');
  }

  async close(): Promise<void> {
    try {
      await this.call('close');
    } finally {
      OPEN_ISOLATED_CLIENTS.delete(this);
      await this.worker.terminate();
    }
  }

  private call<K extends Method>(method: K, ...args: Parameters<DriverMethods[K]>): Promise<Result<K>> {
    const id = this.nextId++;
    return new Promise<Result<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as Result<K>), reject });
      this.worker.postMessage({ id, method, args });
    });
  }

  private receive(answer: Answer): void {
    if (answer.event?.kind === 'status') this.status.next(answer.event.value);
    if (answer.event?.kind === 'quarantine') this.held.next(answer.event.value);
    if (answer.id === undefined) return;
    const waiting = this.pending.get(answer.id);
    this.pending.delete(answer.id);
    if (!answer.error) waiting?.resolve(answer.result);
    else waiting?.reject(Object.assign(new Error(answer.error.message), { stack: answer.error.stack }));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
