import { firstValueFrom } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { CatalogRepository } from '../../renderer/catalog/catalog-repository';
import { OrdersRepository, type OrderableTest, type TestOrderKind } from '../../renderer/orders/orders-repository';
import type { DocumentWriter } from '../../renderer/db/document-writer';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { episodeKeyOf, type EncounterDocument } from '../../shared/clinical/encounter-document';
import type { RegistrationForm } from '../../shared/patient/registration-form';
import { PatientsRepository } from '../../renderer/patients/patients-repository';
import { ReferralsRepository } from '../../renderer/referrals/referrals-repository';
import type { RepeatOutcome } from '../../renderer/history/repeat-test-reporter';
import type { TestClient } from './test-client';

/**
 * A PC's lab and imaging orders, driven from a test (inside a client's worker: see
 * client-driver.ts). Wraps the product's OrdersRepository over the client's database and
 * writer, and answers with plain data that crosses to the test.
 */
export class OrdersDriver {
  private readonly catalog: CatalogRepository;
  readonly repository: OrdersRepository;

  /** What the repeat-test warnings this PC acted on were reported as (the product sends them to the province). */
  private readonly reported: RepeatOutcome[] = [];

  constructor(private readonly client: TestClient) {
    this.catalog = new CatalogRepository(client.database);
    const device = { deviceId: client.enrollment.deviceId, facilityCode: client.enrollment.facility.code };
    // As the product wires it (start-services.ts): results carried by referrals to this facility
    // warn like results fetched from the province.
    const referrals = new ReferralsRepository(
      client.database,
      client.writer,
      new PatientsRepository(client.database, client.writer, device),
      this.catalog,
      device,
    );
    this.repository = new OrdersRepository(client.database, client.writer, this.catalog, device, undefined, {
      foreignResults: (patientId) => referrals.carriedResults(patientId),
      report: (outcomes) => {
        this.reported.push(...outcomes);
        return Promise.resolve();
      },
    });
  }

  /** Every repeat-test outcome reported so far. */
  reportedRepeats(): RepeatOutcome[] {
    return [...this.reported];
  }

  close(): void {
    this.catalog.close();
  }

  catalogCount(): Promise<number> {
    return this.client.database.catalog.count().exec();
  }

  /**
   * A patient registered at this desk by the registrar, then sent to the exam room by the
   * logged-in user (the visit page is another feature's; its document is all orders need).
   */
  async seedVisit(form: RegistrationForm): Promise<EncounterDocument> {
    const user = this.client.writer.author();
    await this.client.actAs(DEMO_STAFF.registrar.id);
    const registered = await this.client.patients.register(form);
    await this.client.actAs(user);
    if (!registered.ok) throw new Error(`the patient was refused: ${JSON.stringify(registered.problems)}`);
    return this.visitOf(registered.patient.id);
  }

  /** A visit in progress today of a patient already registered here, with the logged-in user as its doctor. */
  async visitOf(patientId: string): Promise<EncounterDocument> {
    const user = this.client.writer.author();
    const id = uuidv7();
    const now = new Date().toISOString();
    const facilityCode = this.client.enrollment.facility.code;
    const encounter: EncounterDocument = {
      id,
      facilityCode,
      patientId,
      kind: 'outpatient',
      episodeKey: episodeKeyOf(facilityCode, id),
      departmentCode: 'K01',
      roomCode: 'P101',
      queueDate: now.slice(0, 10),
      queueNumber: 1,
      status: 'in-progress',
      queuedAt: now,
      queuedBy: user,
      calledAt: now,
      doctorId: user,
      reason: 'Mệt mỏi, khát nước nhiều',
      history: '',
      examination: '',
      diagnoses: [],
      disposition: '',
      followUpDate: '',
      advice: '',
      finishedAt: '',
      createdAt: now,
      updatedAt: now,
      createdByDeviceId: this.client.enrollment.deviceId,
      createdBy: user,
      updatedBy: user,
    };
    await this.client.writer.insert('encounters', encounter);
    return encounter;
  }

  encounter(id: string): Promise<EncounterDocument | null> {
    return this.client.database.encounters
      .findOne(id)
      .exec()
      .then((document) => {
        if (!document) return null;
        const { syncMeta: _envelope, ...body } = document.toMutableJSON();
        return body;
      });
  }

  searchTests(query: string) {
    return this.repository.searchTests(query);
  }

  repeatsOf(patientId: string, tests: OrderableTest[]) {
    return this.repository.repeatsOf(patientId, tests);
  }

  orderTests(encounter: EncounterDocument, tests: OrderableTest[], reasons: Record<string, string> = {}) {
    return this.repository.orderTests(encounter, tests, reasons);
  }

  start(orderId: string) {
    return this.repository.start(orderId);
  }

  cancel(orderId: string) {
    return this.repository.cancel(orderId);
  }

  enterResults(orderId: string, results: { code: string; value: string }[]) {
    return this.repository.enterResults(orderId, results);
  }

  /**
   * An entry cut off after its results were written and before the order was (the PC lost
   * power): the same repository over a writer whose order update never happens. Answers how
   * the entry ended.
   */
  async enterResultsInterrupted(orderId: string, results: { code: string; value: string }[]): Promise<string> {
    const writer = Object.create(this.client.writer) as DocumentWriter;
    writer.update = () => Promise.reject(new Error('the PC lost power'));
    const repository = new OrdersRepository(this.client.database, writer, this.catalog, {
      deviceId: this.client.enrollment.deviceId,
      facilityCode: this.client.enrollment.facility.code,
    });
    return repository.enterResults(orderId, results).then(
      (outcome) => JSON.stringify(outcome),
      (error: unknown) => String(error),
    );
  }

  worklist(kind: TestOrderKind) {
    return firstValueFrom(this.repository.worklist$(kind));
  }

  ordersOfEncounter(encounterId: string) {
    return firstValueFrom(this.repository.ofEncounter$(encounterId));
  }

  resultsOfOrder(orderId: string) {
    return firstValueFrom(this.repository.resultsOfOrder$(orderId));
  }

  order(orderId: string) {
    return this.repository.order(orderId);
  }
}
