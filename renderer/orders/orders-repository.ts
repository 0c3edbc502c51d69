import { auditTime, from, map, merge, of, switchMap, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { referenceRangeFor } from '../../shared/catalog/lab-reference-range';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { LabResult, ObservationDocument } from '../../shared/clinical/observation-document';
import type { OrderDocument, OrderedTest } from '../../shared/clinical/order-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { CatalogRepository } from '../catalog/catalog-repository';
import { localDay } from '../catalog/local-day';
import type { SenDatabase, Stored } from '../db/collections';
import type { DocumentWriter } from '../db/document-writer';
import { labResultEntry, type TestReference, type ValueProblem } from './lab-result-entry';
import { findRepeats, windowStart, type EarlierOrder, type EarlierResult, type RepeatWarning } from './repeat-window';
import { newAuthorship } from '../../shared/clinical/common-fields';
import type { RepeatOutcome } from '../history/repeat-test-reporter';

/** Orders of tests: lab tests from the lab catalog, imaging studies from the services catalog. */
export type TestOrderKind = 'lab' | 'imaging';

/** A test the doctor can pick, as the catalog describes it today. */
export interface OrderableTest {
  kind: TestOrderKind;
  code: string;
  name: string;
  /** How long a result stays valid (0: never a repeat; imaging has none in the catalog). */
  validityDays: number;
}

export type OrderTestsResult =
  | { ok: true; orders: OrderDocument[] }
  | { ok: false; problem: 'no-tests' | 'visit-closed' }
  /** Earlier results or open orders of these tests, for which no reason was given. */
  | { ok: false; problem: 'repeat-reason-required'; repeats: RepeatWarning[] };

export type ResultProblem = ValueProblem | 'not-in-order' | 'already-entered';

export type EnterResultsResult =
  | { ok: true; order: OrderDocument; observations: ObservationDocument[] }
  | { ok: false; problem: 'order-closed' | 'order-missing' | 'patient-missing' | 'nothing-entered' }
  | { ok: false; problem: 'invalid-values'; values: { code: string; problem: ResultProblem }[] };

export type HandleResult =
  { ok: true; order: OrderDocument } | { ok: false; problem: 'order-missing' | 'order-closed' };

interface DeviceIdentity {
  deviceId: string;
  facilityCode: string;
}

/** Where the repeat warning also looks, and who hears what became of it (renderer/history). */
export interface RepeatSources {
  /** The patient's results fetched from the province's other facilities */
  foreignResults?: (patientId: string) => Promise<EarlierResult[]>;
  /** Told of each warning the doctor acted on: ordered anyway, or avoided */
  report?: (outcomes: RepeatOutcome[]) => Promise<void>;
}

/** A first sync writes thousands of catalog entries: the references are read again once it settles. */
const CHANGES_SETTLE_MS = 300;
const OPEN_STATUSES: readonly OrderDocument['status'][] = ['ordered', 'in-progress'];
const CLOSED_VISITS: readonly EncounterDocument['status'][] = ['finished', 'cancelled'];

/** Thrown inside an order's write when sync closed the order after it was checked. */
class OrderClosedMeanwhile extends Error {}

/** The body as the UI sees it: the sync envelope stays in the database layer. */
function withoutEnvelope<T extends object>(stored: Stored<T>): T {
  const { syncMeta: _envelope, ...body } = stored;
  return body as T;
}

function bodyOf<T extends object>(document: { toMutableJSON(): Stored<T> }): T {
  return withoutEnvelope(document.toMutableJSON());
}

/**
 * Lab and imaging orders and their results: the only way the UI reads or writes them. Every
 * write is made, and signed, as the logged-in user (DocumentWriter); permissions are the
 * screens' to check and the server's to enforce.
 */
export class OrdersRepository {
  constructor(
    private readonly database: SenDatabase,
    private readonly writer: DocumentWriter,
    private readonly catalog: CatalogRepository,
    private readonly device: DeviceIdentity,
    private readonly now: () => Date = () => new Date(),
    private readonly repeatSources: RepeatSources = {},
  ) {}

  /** Lab tests by code or name, then imaging studies, as the doctor types (no diacritics needed). */
  async searchTests(query: string, limit = 20): Promise<OrderableTest[]> {
    const [labTests, services] = await Promise.all([
      this.catalog.search('lab-test', query, limit),
      this.catalog.search('service', query, limit),
    ]);
    const lab = labTests.map((entry) => ({
      kind: 'lab' as const,
      code: entry.code,
      name: entry.name,
      validityDays: entry.details.validityDays,
    }));
    const imaging = services
      .filter((entry) => entry.details.group === 'imaging')
      .map((entry) => ({ kind: 'imaging' as const, code: entry.code, name: entry.name, validityDays: 0 }));
    return [...lab, ...imaging].slice(0, limit);
  }

  /**
   * The patient's results and open orders of these tests within each test's validity window,
   * latest first: what the doctor must see before ordering them again.
   */
  async repeatsOf(patientId: string, tests: readonly OrderableTest[]): Promise<RepeatWarning[]> {
    const longest = Math.max(0, ...tests.map((test) => test.validityDays));
    if (longest === 0) return [];
    const now = this.now();
    const since = windowStart(now, longest);
    const [observations, orders, foreign] = await Promise.all([
      this.database.observations
        .find({ selector: { patientId, recordedAt: { $gte: since } }, index: ['patientId', 'recordedAt'] })
        .exec(),
      this.database.orders
        .find({ selector: { patientId, orderedAt: { $gte: since } }, index: ['patientId', 'orderedAt'] })
        .exec(),
      this.repeatSources.foreignResults?.(patientId) ?? Promise.resolve([]),
    ]);
    const results: EarlierResult[] = observations
      .map((document) => bodyOf<ObservationDocument>(document))
      .filter((observation) => observation.facilityCode === this.device.facilityCode)
      .flatMap(({ id, lab, recordedAt }) =>
        lab
          ? [{ observationId: id, code: lab.testCode, value: lab.value, unit: lab.unit, flag: lab.flag, recordedAt }]
          : [],
      );
    const openOrders: EarlierOrder[] = orders
      .map((document) => bodyOf<OrderDocument>(document))
      .filter((order) => order.facilityCode === this.device.facilityCode && OPEN_STATUSES.includes(order.status))
      .flatMap((order) => order.tests.map(({ code }) => ({ orderId: order.id, code, orderedAt: order.orderedAt })));
    return findRepeats(tests, [...results, ...foreign], openOrders, now);
  }

  /** The doctor left out a test after its repeat warning: a test avoided, as the province counts. */
  async reportAvoided(repeat: RepeatWarning): Promise<void> {
    await this.report([repeat], 'avoided');
  }

  private async report(repeats: readonly RepeatWarning[], outcome: RepeatOutcome['outcome']): Promise<void> {
    if (!this.repeatSources.report || repeats.length === 0) return;
    await this.repeatSources
      .report(
        repeats.map((repeat) => ({
          testCode: repeat.code,
          outcome,
          source: repeat.result?.facility ? 'foreign' : 'local',
          earlierFacilityCode: repeat.result?.facility?.code ?? this.device.facilityCode,
        })),
      )
      // Counting for the province never stands in the way of the order itself.
      .catch((error: unknown) => console.error('Sen: a repeat-test report could not be kept', error));
  }

  /**
   * Orders the chosen tests in a visit: one order per kind (lab, imaging). A test the patient
   * had within its validity window needs a reason (`reasons` by test code); the earlier result
   * and the reason are kept with the ordered test.
   */
  async orderTests(
    encounter: EncounterDocument,
    tests: readonly OrderableTest[],
    reasons: Readonly<Partial<Record<string, string>>> = {},
  ): Promise<OrderTestsResult> {
    const unique = [...new Map(tests.map((test) => [test.code, test])).values()];
    if (unique.length === 0) return { ok: false, problem: 'no-tests' };
    if (CLOSED_VISITS.includes(encounter.status)) return { ok: false, problem: 'visit-closed' };
    const repeats = await this.repeatsOf(encounter.patientId, unique);
    const reasonOf = (code: string): string => (reasons[code] ?? '').normalize('NFC').trim();
    const unexplained = repeats.filter((repeat) => reasonOf(repeat.code) === '');
    if (unexplained.length > 0) return { ok: false, problem: 'repeat-reason-required', repeats: unexplained };

    const ordered = (test: OrderableTest): OrderedTest => {
      const repeat = repeats.find((candidate) => candidate.code === test.code);
      return {
        code: test.code,
        name: test.name,
        earlierResultId: repeat?.result?.observationId ?? '',
        repeatReason: repeat ? reasonOf(test.code).slice(0, 500) : '',
      };
    };
    const orders: OrderDocument[] = [];
    for (const kind of ['lab', 'imaging'] as const) {
      const ofKind = unique.filter((test) => test.kind === kind);
      if (ofKind.length === 0) continue;
      const order = this.newOrder(encounter, kind, ofKind.map(ordered));
      await this.writer.insert('orders', order);
      orders.push(order);
    }
    await this.report(repeats, 'ordered');
    return { ok: true, orders };
  }

  /** The doctor withdraws an order not yet completed; it stays in the record, cancelled. */
  cancel(orderId: string): Promise<HandleResult> {
    return this.handle(orderId, (order) => ({ ...order, status: 'cancelled' }));
  }

  /** The lab took the sample (or started the study): the order is in progress, handled by this user. */
  start(orderId: string): Promise<HandleResult> {
    return this.handle(orderId, (order) =>
      order.status === 'ordered' ? { ...order, status: 'in-progress', handledBy: this.writer.author() } : order,
    );
  }

  /**
   * What entering each test's result needs for this order's patient today: unit, range for
   * their sex and age, normal answer, critical limits.
   */
  async testReferences(order: OrderDocument): Promise<TestReference[]> {
    const patient = await this.patient(order.patientId);
    return patient ? this.referencesFor(order, patient, localDay(this.now())) : [];
  }

  /**
   * The same, kept current: again when the catalog or the patient arrives or changes by sync
   * (a PC just enrolled may hold the order before the catalog that describes its tests).
   */
  testReferences$(orderId: string): Observable<TestReference[] | undefined> {
    const changes = merge(this.database.catalog.$, this.database.patients.$).pipe(auditTime(CHANGES_SETTLE_MS));
    return merge(of(null), changes).pipe(
      switchMap(() => from(this.order(orderId).then((order) => (order ? this.testReferences(order) : undefined)))),
    );
  }

  /**
   * Writes one lab-result observation per test typed (blank ones are left for later), each
   * with the range for the patient's sex and age today and its flag, then takes the order
   * forward: completed when every test has a result, in progress otherwise. A bad value
   * refuses the whole entry, and nothing is written.
   *
   * All or nothing as the technician sees it: the results are written in one storage write,
   * and an entry interrupted before the order was taken forward is completed by the next one:
   * a value typed again as it was stored is taken as already done (a different one is refused,
   * `already-entered`), and an order whose tests all have results is completed even when
   * nothing new is typed. The order's status is checked again inside its write.
   */
  async enterResults(
    orderOrId: OrderDocument | string,
    typed: readonly { code: string; value: string }[],
  ): Promise<EnterResultsResult> {
    const order = await this.order(typeof orderOrId === 'string' ? orderOrId : orderOrId.id);
    if (!order) return { ok: false, problem: 'order-missing' };
    if (!OPEN_STATUSES.includes(order.status)) return { ok: false, problem: 'order-closed' };
    const patient = await this.patient(order.patientId);
    if (!patient) return { ok: false, problem: 'patient-missing' };
    const now = this.now();
    const references = await this.referencesFor(order, patient, localDay(now));
    const stored = new Map((await this.resultsOf(order.id)).map((observation) => [observation.code, observation.lab]));

    const entered = typed.filter((entry) => entry.value.trim() !== '');
    const problems: { code: string; problem: ResultProblem }[] = [];
    const results: LabResult[] = [];
    for (const { code, value } of entered) {
      const reference = references.find((candidate) => candidate.code === code);
      const entry = reference ? labResultEntry(reference, value) : null;
      const earlier = stored.get(code);
      if (!entry) problems.push({ code, problem: 'not-in-order' });
      else if (earlier && entry.ok && entry.result.value === earlier.value) continue;
      else if (earlier || results.some((result) => result.testCode === code))
        problems.push({ code, problem: 'already-entered' });
      else if (!entry.ok) problems.push({ code, problem: entry.problem });
      else results.push(entry.result);
    }
    if (problems.length > 0) return { ok: false, problem: 'invalid-values', values: problems };
    const complete = order.tests.every(
      (test) => stored.has(test.code) || results.some((result) => result.testCode === test.code),
    );
    const status: OrderDocument['status'] = complete ? 'completed' : 'in-progress';
    // Nothing new to write, and no interrupted entry to finish: the order is already as it should be.
    if (results.length === 0 && (order.status === status || (entered.length === 0 && !complete))) {
      return { ok: false, problem: 'nothing-entered' };
    }

    // Closed meanwhile (cancelled by the doctor, arrived by sync): nothing of this entry is written.
    const fresh = await this.order(order.id);
    if (!fresh || !OPEN_STATUSES.includes(fresh.status)) return { ok: false, problem: 'order-closed' };
    const observations = results.map((result) => this.newResult(order, result, now));
    await this.writer.insertMany('observations', observations);
    const author = this.writer.author();
    let written: Stored<OrderDocument> | null;
    try {
      written = await this.writer.update('orders', order.id, (current) => {
        if (!OPEN_STATUSES.includes(current.status)) throw new OrderClosedMeanwhile();
        return {
          ...current,
          status,
          handledBy: current.handledBy === '' ? author : current.handledBy,
          completedAt: complete ? now.toISOString() : current.completedAt,
          updatedAt: now.toISOString(),
          updatedBy: author,
        };
      });
    } catch (error) {
      if (error instanceof OrderClosedMeanwhile) return { ok: false, problem: 'order-closed' };
      throw error;
    }
    return { ok: true, order: written ? withoutEnvelope<OrderDocument>(written) : order, observations };
  }

  /** A visit's lab and imaging orders, in the order they were made; live. */
  ofEncounter$(encounterId: string): Observable<OrderDocument[]> {
    return this.database.orders
      .find({ selector: { encounterId }, sort: [{ orderedAt: 'asc' }], index: ['encounterId', 'orderedAt'] })
      .$.pipe(
        map((documents) =>
          documents.map((document) => bodyOf<OrderDocument>(document)).filter((order) => order.kind !== 'prescription'),
        ),
      );
  }

  /** The open orders of a kind, oldest first: the lab's (or imaging's) worklist; live. */
  worklist$(kind: TestOrderKind): Observable<OrderDocument[]> {
    return this.database.orders
      .find({
        selector: { kind, status: { $in: [...OPEN_STATUSES] }, orderedAt: { $gte: '' } },
        sort: [{ orderedAt: 'asc' }],
        index: ['kind', 'status', 'orderedAt'],
      })
      .$.pipe(map((documents) => documents.map((document) => bodyOf<OrderDocument>(document))));
  }

  /** The results answering an order, as they arrive; live. */
  resultsOfOrder$(orderId: string): Observable<ObservationDocument[]> {
    return this.database.observations
      .find({ selector: { orderId }, sort: [{ recordedAt: 'asc' }], index: ['orderId', 'recordedAt'] })
      .$.pipe(map((documents) => documents.map((document) => bodyOf<ObservationDocument>(document))));
  }

  /** One order, live (null once it is gone or before it arrives). */
  order$(orderId: string): Observable<OrderDocument | null> {
    return this.database.orders
      .findOne(orderId)
      .$.pipe(map((document) => (document ? bodyOf<OrderDocument>(document) : null)));
  }

  async order(orderId: string): Promise<OrderDocument | null> {
    const document = await this.database.orders.findOne(orderId).exec();
    return document ? bodyOf<OrderDocument>(document) : null;
  }

  private async resultsOf(orderId: string): Promise<ObservationDocument[]> {
    const documents = await this.database.observations
      .find({ selector: { orderId }, index: ['orderId', 'recordedAt'] })
      .exec();
    return documents.map((document) => bodyOf<ObservationDocument>(document));
  }

  private async patient(patientId: string): Promise<PatientDocument | null> {
    const document = await this.database.patients.findOne(patientId).exec();
    return document ? bodyOf<PatientDocument>(document) : null;
  }

  private async referencesFor(order: OrderDocument, patient: PatientDocument, day: string): Promise<TestReference[]> {
    return Promise.all(
      order.tests.map(async ({ code, name }): Promise<TestReference> => {
        const entry = order.kind === 'lab' ? await this.catalog.entry('lab-test', code, day) : null;
        if (!entry) {
          return {
            code,
            name,
            resultType: 'report',
            unit: '',
            normalText: '',
            range: null,
            criticalLow: null,
            criticalHigh: null,
          };
        }
        const details = entry.details;
        return {
          code,
          name,
          resultType: details.resultType,
          unit: details.unit,
          normalText: details.normalText,
          range: referenceRangeFor(details, patient, day),
          criticalLow: details.criticalLow,
          criticalHigh: details.criticalHigh,
        };
      }),
    );
  }

  private async handle(orderId: string, change: (order: OrderDocument) => OrderDocument): Promise<HandleResult> {
    const current = await this.order(orderId);
    if (!current) return { ok: false, problem: 'order-missing' };
    if (!OPEN_STATUSES.includes(current.status)) return { ok: false, problem: 'order-closed' };
    // Starting an order already started changes nothing: no new version to sign and send.
    if (JSON.stringify(change(current)) === JSON.stringify(current)) return { ok: true, order: current };
    const updatedAt = this.now().toISOString();
    const updatedBy = this.writer.author();
    const written = await this.writer.update('orders', orderId, (order) => ({
      ...change(order),
      updatedAt,
      updatedBy,
    }));
    return written
      ? { ok: true, order: withoutEnvelope<OrderDocument>(written) }
      : { ok: false, problem: 'order-missing' };
  }

  private newOrder(encounter: EncounterDocument, kind: TestOrderKind, tests: OrderedTest[]): OrderDocument {
    const now = this.now().toISOString();
    const author = this.writer.author();
    return {
      id: uuidv7(),
      facilityCode: encounter.facilityCode,
      patientId: encounter.patientId,
      encounterId: encounter.id,
      kind,
      status: 'ordered',
      tests,
      drugs: [],
      prescriptionCode: '',
      overriddenWarnings: [],
      note: '',
      orderedAt: now,
      handledBy: '',
      completedAt: '',
      ...newAuthorship(now, this.device.deviceId, author),
    };
  }

  private newResult(order: OrderDocument, lab: LabResult, now: Date): ObservationDocument {
    const at = now.toISOString();
    const author = this.writer.author();
    return {
      id: uuidv7(),
      facilityCode: order.facilityCode,
      patientId: order.patientId,
      encounterId: order.encounterId,
      orderId: order.id,
      kind: 'lab-result',
      code: lab.testCode,
      recordedAt: at,
      vitals: null,
      lab,
      allergy: null,
      note: '',
      ...newAuthorship(at, this.device.deviceId, author),
    };
  }
}
