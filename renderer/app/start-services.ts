import type { ClientConfig, DeviceCredential } from '../../shared/client-config';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../auth/idle-timer';
import { AuditLog } from '../audit/audit-log';
import { Session } from '../auth/session';
import type { SenDatabase } from '../db/collections';
import { createSenDatabase, localDatabaseName } from '../db/create-database';
import { deleteLocalDatabase } from '../db/delete-local-database';
import { DocumentWriter } from '../db/document-writer';
import { DeviceSerials } from '../db/device-serials';
import { CatalogRepository } from '../catalog/catalog-repository';
import { AllergiesRepository } from '../chart/allergies-repository';
import { ChartRepository } from '../chart/chart-repository';
import type { Platform } from '../device/platform';
import { Outbox } from '../db/outbox';
import { OrdersRepository } from '../orders/orders-repository';
import { PatientsRepository } from '../patients/patients-repository';
import { EncountersRepository } from '../visits/encounters-repository';
import { ForeignHistoryRepository } from '../history/foreign-history-repository';
import { RepeatTestReporter } from '../history/repeat-test-reporter';
import { InpatientRepository } from '../inpatient/inpatient-repository';
import { ReferralsRepository } from '../referrals/referrals-repository';
import { PrescriptionsRepository } from '../prescriptions/prescriptions-repository';
import { RegistrationDrafts } from '../patients/registration-draft';
import { StaffRepository } from '../staff/staff-repository';
import { SigningRepository } from '../signing/signing-repository';
import { LostValuesRepository } from '../sync/lost-values-repository';
import { SyncClient } from '../sync/sync-client';
import { FacilityBackups } from '../backup/facility-backups';
import { ExportsRepository } from '../exports/exports-repository';

/** Everything the UI works with once the device is enrolled. */
export interface SenServices {
  device: DeviceCredential;
  session: Session;
  audit: AuditLog;
  staff: StaffRepository;
  patients: PatientsRepository;
  /** Visits: the rooms' queues, examinations, diagnoses, vital signs */
  encounters: EncountersRepository;
  /** Inpatient stays: admission, beds, transfers, progress notes, discharge */
  inpatient: InpatientRepository;
  drafts: RegistrationDrafts;
  sync: SyncClient;
  /** Values of the facility's records that lost a merge, as the server recorded them */
  lostValues: LostValuesRepository;
  /** The province's catalogs as this PC holds them: ICD-10, lab tests, drugs, departments… */
  catalog: CatalogRepository;
  /** Lab and imaging orders, the lab's worklist, results */
  orders: OrdersRepository;
  /** Serial numbers of the codes this PC issues (prescription codes) */
  serials: DeviceSerials;
  /** Prescriptions: written in a visit, dispensed by the pharmacy */
  prescriptions: PrescriptionsRepository;
  /** A patient's record read for the chart: visits, orders, observations by patient */
  chart: ChartRepository;
  /** A patient's allergies: recorded and made inactive, never deleted */
  allergies: AllergiesRepository;
  /** Signing ("ký") and amending visits and prescriptions; checking signatures on this PC */
  signing: SigningRepository;
  /** The patient's records at the province's other facilities: looked up online, kept sealed */
  history: ForeignHistoryRepository;
  /** Referrals sent from this facility and to it, each side writing its own part */
  referrals: ReferralsRepository;
  /** The one writer of synced documents: every clinical repository writes through it. */
  writer: DocumentWriter;
  /** The facility's backups from this PC: recovery code, folder, schedule, history */
  backups: FacilityBackups;
  /** Claim XML, HoSoBenhAn and FHIR made on this PC from its own data, offline */
  exports: ExportsRepository;
  /** Inactivity before the screen locks */
  idleLockMs: number;
  close(): Promise<void>;
  /** A revoked PC, at the facility admin's decision: forgets the credential and the database
   *  key (nothing stored can be read any more) and deletes the local database. */
  eraseDevice(): Promise<void>;
}

/** What the installer's configuration decides for a running client. */
export type ClientSettings = Pick<ClientConfig, 'allowInsecureHosts' | 'idleLockMinutes'>;

export async function startServices(
  platform: Platform,
  device: DeviceCredential,
  settings: ClientSettings = {},
): Promise<SenServices> {
  const allowInsecureHosts = settings.allowInsecureHosts ?? [];
  const database: SenDatabase = await createSenDatabase({
    name: localDatabaseName(device.facility.code),
    databaseKey: await platform.loadDatabaseKey(),
  });
  const outbox = await Outbox.open(database);
  const sync = new SyncClient({
    database,
    outbox,
    serverUrl: device.serverUrl,
    credential: device.token,
    allowInsecureHosts,
  });
  // Sync runs whoever is logged in, and before anyone is: the staff accounts come with it.
  await sync.start();
  // Every synced write is signed as the logged-in user; the session holds their key.
  const writer = new DocumentWriter(database, outbox, () => session.signer());
  const identity = { deviceId: device.deviceId, facilityCode: device.facility.code };
  const audit = new AuditLog(database, writer, identity, (userId) => session.signerFor(userId));
  const staff = new StaffRepository(database, writer, device.facility.code, undefined, audit);
  const session: Session = new Session(database, staff);
  const sessionAudit = session.events$.subscribe((event) => {
    audit
      .record({ action: event.action, userId: event.userId ?? '', username: event.username })
      .catch((error: unknown) => console.error('Sen: an audit entry could not be written', error));
  });
  const catalog = new CatalogRepository(database);
  const serials = new DeviceSerials(database);
  const backups = new FacilityBackups(
    database,
    { facility: device.facility, deviceId: device.deviceId, deviceTag: device.deviceTag },
    platform.backupTarget,
  );
  await backups.start();
  const server = { serverUrl: device.serverUrl, token: device.token };
  const history = new ForeignHistoryRepository(database, server, () => session.signer());
  const repeatReporter = new RepeatTestReporter(database, server);
  // Reports a doctor's PC could not send last time (offline) go now, if the server answers.
  void repeatReporter.flush();
  const close = async (): Promise<void> => {
    backups.close();
    catalog.close();
    sessionAudit.unsubscribe();
    session.close();
    await sync.stop();
    await database.close();
  };
  const patients = new PatientsRepository(database, writer, identity, undefined, audit);
  const referrals = new ReferralsRepository(database, writer, patients, catalog, identity);
  return {
    device,
    session,
    staff,
    patients,
    referrals,
    encounters: new EncountersRepository(database, writer, identity, catalog),
    inpatient: new InpatientRepository(database, writer, identity, catalog),
    audit,
    // Drafts save while the screen is locked too: the typing just before the lock is kept.
    drafts: new RegistrationDrafts(database, () => session.heldBy()),
    sync,
    lostValues: new LostValuesRepository(database),
    catalog,
    serials,
    prescriptions: new PrescriptionsRepository(database, writer, serials, { ...identity, deviceTag: device.deviceTag }),
    orders: new OrdersRepository(database, writer, catalog, identity, undefined, {
      // Results from elsewhere: fetched from the province, or carried by a referral to here.
      foreignResults: async (patientId) => {
        const [fetched, carried] = await Promise.all([history.results(patientId), referrals.carriedResults(patientId)]);
        return [...fetched, ...carried];
      },
      report: (outcomes) => repeatReporter.report(outcomes),
    }),
    history,
    chart: new ChartRepository(database),
    signing: new SigningRepository(database, writer, () => session.signer(), identity),
    allergies: new AllergiesRepository(database, writer, identity),
    writer,
    backups,
    exports: new ExportsRepository(
      database,
      catalog,
      device.facility,
      `${device.serverUrl.replace(/\/+$/, '')}/fhir/R4`,
    ),
    idleLockMs: (settings.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES) * 60_000,
    close,
    eraseDevice: async () => {
      await close();
      await platform.forgetDevice();
      // Unreadable already without its key; removing it frees the disk as well.
      await deleteLocalDatabase(database.name);
    },
  };
}
