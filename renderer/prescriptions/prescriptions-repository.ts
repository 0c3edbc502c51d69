import type { MangoQuery } from 'rxdb';
import { combineLatest, map, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { prescriptionKindOf } from '../../shared/catalog/drug-control';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { Allergy } from '../../shared/clinical/observation-document';
import { orderDocumentSchema, type OrderDocument, type PrescribedDrug } from '../../shared/clinical/order-document';
import { orderProblems, type ClinicalProblem } from '../../shared/clinical/clinical-problems';
import { prescriptionCode, type PrescriptionType } from '../../shared/identifiers/prescription-code';
import type { SenDatabase, Stored } from '../db/collections';
import type { DeviceSerials } from '../db/device-serials';
import type { DocumentWriter } from '../db/document-writer';
import { prescribedDrugOf, type PrescriptionLineInput } from './prescription-lines';
import {
  prescriptionWarnings,
  unconfirmedWarnings,
  warningKey,
  type ConfirmedWarning,
  type DrugIngredients,
  type PrescriptionWarning,
} from './prescription-warnings';
import { newAuthorship } from '../../shared/clinical/common-fields';

/** The PC issuing prescriptions: its facility, its id, and its tag (unique in the facility). */
export interface PrescribingDevice {
  deviceId: string;
  facilityCode: string;
  deviceTag: string;
}

/** Prescriptions waiting for the pharmacy: ordered, or being prepared. */
export const OPEN_STATUSES = ['ordered', 'in-progress'] as const;

/** The serial counter prescription codes are drawn from (renderer/db/device-serials.ts). */
export const PRESCRIPTION_SERIAL_KIND = 'prescription';

export type PrescribeProblem =
  | ClinicalProblem
  | {
      field: 'lines';
      code: 'no-line' | 'invalid-dose' | 'unit-mismatch' | 'warnings-not-confirmed' | 'controlled-mixed';
      line?: number;
    }
  | { field: 'encounter'; code: 'visit-not-open' };

export type PrescribeResult =
  { ok: true; order: OrderDocument } | { ok: false; problems: PrescribeProblem[]; warnings?: PrescriptionWarning[] };

export type HandleResult = { ok: true; order: OrderDocument } | { ok: false; code: 'not-found' | 'not-open' };

/**
 * The code for a new prescription: the facility, this PC's tag and its next serial, so that two
 * PCs issuing offline at once can never print one code (shared/identifiers/prescription-code.ts).
 * The type follows the drugs (shared/catalog/drug-control.ts): N narcotic, H psychotropic, C other.
 */
export function newPrescriptionCode(device: PrescribingDevice, serial: number, type: PrescriptionType = 'C'): string {
  return prescriptionCode(device.facilityCode, device.deviceTag, serial, type);
}

function orderOf(stored: Stored<OrderDocument> | OrderDocument): OrderDocument {
  const { syncMeta: _envelope, ...order } = stored as Stored<OrderDocument>;
  return order;
}

const isOpen = (order: OrderDocument): boolean => (OPEN_STATUSES as readonly string[]).includes(order.status);

/**
 * Prescriptions: written by the doctor in a visit, dispensed by the pharmacist. Orders of kind
 * `prescription`; every write goes through the DocumentWriter, signed as the logged-in user.
 */
export class PrescriptionsRepository {
  constructor(
    private readonly database: SenDatabase,
    private readonly writer: DocumentWriter,
    private readonly serials: DeviceSerials,
    private readonly device: PrescribingDevice,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The patient's active allergies (observations of kind `allergy`). */
  async allergiesOf(patientId: string): Promise<Allergy[]> {
    // `kind` is sealed at rest (not an index): a patient's few observations are filtered here.
    const documents = await this.database.observations.find({ selector: { patientId } }).exec();
    return documents
      .map((document) => document.toMutableJSON())
      .flatMap((observation) =>
        observation.kind === 'allergy' && observation.allergy?.active ? [observation.allergy] : [],
      );
  }

  /** Warnings for these lines in this visit: the patient's allergies, repeated ingredients. */
  async warningsFor(
    encounter: Pick<EncounterDocument, 'id' | 'patientId'>,
    lines: readonly DrugIngredients[],
  ): Promise<PrescriptionWarning[]> {
    const [allergies, prescriptions] = await Promise.all([
      this.allergiesOf(encounter.patientId),
      this.ofEncounter(encounter.id),
    ]);
    return prescriptionWarnings(lines, allergies, prescriptions.filter(isOpen));
  }

  /**
   * Writes a prescription for the visit. Each line's quantity follows from its dose; when there
   * are warnings, the doctor must have confirmed every one of them, each by what it says (their
   * texts are kept on the order). The code's type follows the drugs; a narcotic or psychotropic
   * with drugs of another kind is refused (`controlled-mixed`): each goes on its own prescription.
   * Nothing is written when a line or the order is invalid.
   */
  async prescribe(
    encounter: EncounterDocument,
    lines: readonly PrescriptionLineInput[],
    confirmed: readonly ConfirmedWarning[],
  ): Promise<PrescribeResult> {
    if (encounter.status !== 'in-progress')
      return { ok: false, problems: [{ field: 'encounter', code: 'visit-not-open' }] };
    if (lines.length === 0) return { ok: false, problems: [{ field: 'lines', code: 'no-line' }] };
    const drugs: PrescribedDrug[] = [];
    const problems: PrescribeProblem[] = [];
    for (const [index, line] of lines.entries()) {
      const built = prescribedDrugOf(line);
      if (built.ok) drugs.push(built.drug);
      else problems.push({ field: 'lines', code: built.code, line: index });
    }
    if (problems.length > 0) return { ok: false, problems };
    const type = prescriptionKindOf(lines.map(({ drug }) => drug.details));
    if (type === null) return { ok: false, problems: [{ field: 'lines', code: 'controlled-mixed' }] };

    const warnings = await this.warningsFor(encounter, drugs);
    if (
      unconfirmedWarnings(
        warnings,
        confirmed.map(({ warning }) => warning),
      ).length > 0
    )
      return { ok: false, problems: [{ field: 'lines', code: 'warnings-not-confirmed' }], warnings };
    const current = new Set(warnings.map(warningKey));
    const overriddenWarnings = confirmed
      .filter(({ warning }) => current.has(warningKey(warning)))
      .map(({ text }) => text);

    const author = this.writer.author();
    const at = this.now().toISOString();
    const serial = await this.serials.next(PRESCRIPTION_SERIAL_KIND);
    const order: OrderDocument = {
      id: uuidv7(),
      facilityCode: encounter.facilityCode,
      patientId: encounter.patientId,
      encounterId: encounter.id,
      kind: 'prescription',
      status: 'ordered',
      tests: [],
      drugs,
      prescriptionCode: newPrescriptionCode(this.device, serial, type),
      overriddenWarnings,
      note: '',
      orderedAt: at,
      handledBy: '',
      completedAt: '',
      ...newAuthorship(at, this.device.deviceId, author),
    };
    const shape = orderDocumentSchema.safeParse(order);
    if (!shape.success) {
      const fields = shape.error.issues.map((issue) => ({ field: issue.path.join('.'), code: 'invalid' }));
      return { ok: false, problems: fields };
    }
    const rules = orderProblems(order);
    if (rules.length > 0) return { ok: false, problems: rules };
    await this.writer.insert('orders', order);
    return { ok: true, order };
  }

  /** The doctor withdraws a prescription the pharmacy has not yet handed over: kept, cancelled. */
  cancel(orderId: string): Promise<HandleResult> {
    return this.takeForward(orderId, (order) => ({ ...order, status: 'cancelled' }));
  }

  /** The pharmacist has handed the drugs over: completed, by whom, when. */
  dispense(order: Pick<OrderDocument, 'id'>): Promise<HandleResult> {
    const handledBy = this.writer.author();
    const completedAt = this.now().toISOString();
    return this.takeForward(order.id, (current) => ({ ...current, status: 'completed', handledBy, completedAt }));
  }

  private async takeForward(orderId: string, change: (order: OrderDocument) => OrderDocument): Promise<HandleResult> {
    const current = await this.get(orderId);
    if (!current) return { ok: false, code: 'not-found' };
    if (!isOpen(current)) return { ok: false, code: 'not-open' };
    const updatedBy = this.writer.author();
    const updatedAt = this.now().toISOString();
    const outcome = { refused: false };
    const written = await this.writer.update('orders', orderId, (order) => {
      // Sync may have brought a newer state since it was read: the pharmacy may have dispensed it.
      outcome.refused = !isOpen(order);
      return outcome.refused ? order : { ...change(order), updatedBy, updatedAt };
    });
    if (!written) return { ok: false, code: 'not-found' };
    if (outcome.refused) return { ok: false, code: 'not-open' };
    return { ok: true, order: orderOf(written) };
  }

  async get(orderId: string): Promise<OrderDocument | null> {
    const found = await this.database.orders.findOne(orderId).exec();
    return found && found.kind === 'prescription' ? orderOf(found.toMutableJSON()) : null;
  }

  observe(orderId: string): Observable<OrderDocument | null> {
    return this.database.orders
      .findOne(orderId)
      .$.pipe(map((found) => (found && found.kind === 'prescription' ? orderOf(found.toMutableJSON()) : null)));
  }

  async ofEncounter(encounterId: string): Promise<OrderDocument[]> {
    const documents = await this.database.orders.find(this.encounterQuery(encounterId)).exec();
    return documents
      .map((document) => orderOf(document.toMutableJSON()))
      .filter((order) => order.kind === 'prescription');
  }

  /** The visit's prescriptions, in the order they were written, kept current. */
  ofEncounter$(encounterId: string): Observable<OrderDocument[]> {
    return this.database.orders
      .find(this.encounterQuery(encounterId))
      .$.pipe(
        map((documents) =>
          documents
            .map((document) => orderOf(document.toMutableJSON()))
            .filter((order) => order.kind === 'prescription'),
        ),
      );
  }

  /** The pharmacy's worklist: open prescriptions of the facility, oldest first, kept current. */
  toDispense$(): Observable<OrderDocument[]> {
    const byStatus = OPEN_STATUSES.map(
      (status) =>
        this.database.orders.find({
          selector: { kind: 'prescription', status },
          sort: [{ kind: 'asc' }, { status: 'asc' }, { orderedAt: 'asc' }],
          index: ['kind', 'status', 'orderedAt'],
        }).$,
    );
    return combineLatest(byStatus).pipe(
      map((lists) =>
        lists
          .flat()
          .map((document) => orderOf(document.toMutableJSON()))
          .sort((a, b) => a.orderedAt.localeCompare(b.orderedAt)),
      ),
    );
  }

  private encounterQuery(encounterId: string): MangoQuery<Stored<OrderDocument>> {
    return {
      selector: { encounterId },
      sort: [{ encounterId: 'asc' }, { orderedAt: 'asc' }],
      index: ['encounterId', 'orderedAt'],
    };
  }
}
