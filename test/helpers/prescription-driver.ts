import { firstValueFrom } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { CatalogRepository } from '../../renderer/catalog/catalog-repository';
import { DeviceSerials } from '../../renderer/db/device-serials';
import type { PrescriptionLineInput } from '../../renderer/prescriptions/prescription-lines';
import type { ConfirmedWarning } from '../../renderer/prescriptions/prescription-warnings';
import {
  PrescriptionsRepository,
  type HandleResult,
  type PrescribeResult,
} from '../../renderer/prescriptions/prescriptions-repository';
import { episodeKeyOf, type EncounterDocument } from '../../shared/clinical/encounter-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { TestClient } from './test-client';

/** A line as a test gives it: the drug by catalog code, and how to take it. */
export interface TestPrescriptionLine {
  code: string;
  dosePerTime: number;
  timesPerDay: number;
  days: number;
}

/** A day inside the demo catalogs' validity. */
const CATALOG_DAY = '2026-12-02';

/**
 * The prescriptions feature on a test client (in its worker, see client-driver.ts): a visit to
 * prescribe in, prescribing with drugs from the synced catalog, the pharmacy's worklist.
 */
export class PrescriptionDriver {
  private readonly repository: PrescriptionsRepository;
  private readonly catalog: CatalogRepository;

  constructor(private readonly client: TestClient) {
    const { enrollment } = client;
    this.repository = new PrescriptionsRepository(client.database, client.writer, new DeviceSerials(client.database), {
      deviceId: enrollment.deviceId,
      facilityCode: enrollment.facility.code,
      deviceTag: enrollment.deviceTag,
    });
    this.catalog = new CatalogRepository(client.database, () => CATALOG_DAY);
  }

  close(): void {
    this.catalog.close();
  }

  /** A call made from the test's thread (isolated-client.ts). */
  run(call: PrescriptionCall): Promise<unknown> {
    const methods = this as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    return methods[call.method]?.(...call.args) ?? Promise.reject(new Error(`no method ${call.method}`));
  }

  catalogSize(): Promise<number> {
    return this.client.database.catalog.count().exec();
  }

  /** A visit in progress, called in by the logged-in doctor (how the queue leaves it). */
  async startVisit(patientId: string): Promise<EncounterDocument> {
    const id = uuidv7();
    const at = new Date().toISOString();
    const doctor = this.client.writer.author();
    const facilityCode = this.client.enrollment.facility.code;
    const encounter: EncounterDocument = {
      id,
      facilityCode,
      patientId,
      kind: 'outpatient',
      episodeKey: episodeKeyOf(facilityCode, id),
      departmentCode: 'K01',
      roomCode: 'P101',
      queueDate: at.slice(0, 10),
      queueNumber: 1,
      status: 'in-progress',
      queuedAt: at,
      queuedBy: doctor,
      calledAt: at,
      doctorId: doctor,
      reason: 'Sốt',
      history: '',
      examination: '',
      diagnoses: [],
      disposition: '',
      followUpDate: '',
      advice: '',
      finishedAt: '',
      createdAt: at,
      updatedAt: at,
      createdByDeviceId: this.client.enrollment.deviceId,
      createdBy: doctor,
      updatedBy: doctor,
    };
    await this.client.writer.insert('encounters', encounter);
    return encounter;
  }

  async prescribe(
    encounter: EncounterDocument,
    lines: TestPrescriptionLine[],
    confirmed: ConfirmedWarning[] = [],
  ): Promise<PrescribeResult> {
    const inputs: PrescriptionLineInput[] = [];
    for (const { code, ...dose } of lines) {
      const drug = await this.catalog.entry('drug', code);
      if (!drug) throw new Error(`no drug ${code} in the client's catalog`);
      inputs.push({ drug, ...dose, route: '', instructions: '' });
    }
    return this.repository.prescribe(encounter, inputs, confirmed);
  }

  toDispense(): Promise<OrderDocument[]> {
    return firstValueFrom(this.repository.toDispense$());
  }

  ofEncounter(encounterId: string): Promise<OrderDocument[]> {
    return this.repository.ofEncounter(encounterId);
  }

  get(orderId: string): Promise<OrderDocument | null> {
    return this.repository.get(orderId);
  }

  dispense(orderId: string): Promise<HandleResult> {
    return this.repository.dispense({ id: orderId });
  }
}

type DriverMethod = Exclude<keyof PrescriptionDriver, 'run' | 'close'>;

/** One call on a PrescriptionDriver as it crosses to a client's worker: the method and its arguments. */
export type PrescriptionCall = {
  [M in DriverMethod]: { method: M; args: Parameters<PrescriptionDriver[M]> };
}[DriverMethod];

export type PrescriptionResult<C extends PrescriptionCall> = Awaited<ReturnType<PrescriptionDriver[C['method']]>>;
