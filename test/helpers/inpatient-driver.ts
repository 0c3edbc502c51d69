import { firstValueFrom } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { CatalogRepository } from '../../renderer/catalog/catalog-repository';
import type { DischargeInput } from '../../renderer/inpatient/discharge-rules';
import {
  InpatientRepository,
  type AdmissionInput,
  type ProgressInput,
  type TransferInput,
} from '../../renderer/inpatient/inpatient-repository';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { episodeKeyOf, type EncounterDocument } from '../../shared/clinical/encounter-document';
import type { RegistrationForm } from '../../shared/patient/registration-form';
import type { TestClient } from './test-client';

/**
 * A PC's inpatient stays, driven from a test (inside a client's worker: see client-driver.ts).
 * Wraps the product's InpatientRepository over the client's database and writer, and answers
 * with plain data that crosses to the test.
 */
export class InpatientDriver {
  private readonly catalog: CatalogRepository;
  readonly repository: InpatientRepository;

  constructor(private readonly client: TestClient) {
    this.catalog = new CatalogRepository(client.database);
    const device = { deviceId: client.enrollment.deviceId, facilityCode: client.enrollment.facility.code };
    this.repository = new InpatientRepository(client.database, client.writer, device, this.catalog);
  }

  close(): void {
    this.catalog.close();
  }

  catalogCount(): Promise<number> {
    return this.client.database.catalog.count().exec();
  }

  /**
   * A patient registered by the registrar, then examined and concluded "admit" by the logged-in
   * doctor with a primary diagnosis (the visit page is another feature's; its document is all
   * the admission needs).
   */
  async seedVisitConcludedAdmit(form: RegistrationForm, diagnosisCode: string): Promise<EncounterDocument> {
    const user = this.client.writer.author();
    await this.client.actAs(DEMO_STAFF.registrar.id);
    const registered = await this.client.patients.register(form);
    await this.client.actAs(user);
    if (!registered.ok) throw new Error(`the patient was refused: ${JSON.stringify(registered.problems)}`);
    const entry = await this.catalog.entry('icd10', diagnosisCode);
    if (!entry) throw new Error(`no ICD-10 ${diagnosisCode} on this PC`);
    const id = uuidv7();
    const now = new Date().toISOString();
    const facilityCode = this.client.enrollment.facility.code;
    const visit: EncounterDocument = {
      id,
      facilityCode,
      patientId: registered.patient.id,
      kind: 'outpatient',
      episodeKey: episodeKeyOf(facilityCode, id),
      departmentCode: 'KNOI',
      roomCode: 'KNOI',
      queueDate: this.repository.today(),
      queueNumber: 1,
      status: 'finished',
      queuedAt: now,
      queuedBy: user,
      calledAt: now,
      doctorId: user,
      reason: 'Sốt cao, ho khạc đờm 3 ngày',
      history: '',
      examination: 'Ran nổ đáy phổi phải',
      diagnoses: [{ code: entry.code, name: entry.name, primary: true }],
      disposition: 'admit',
      followUpDate: '',
      advice: '',
      finishedAt: now,
      createdAt: now,
      updatedAt: now,
      createdByDeviceId: this.client.enrollment.deviceId,
      createdBy: user,
      updatedBy: user,
    };
    await this.client.writer.insert('encounters', visit);
    return visit;
  }

  wards() {
    return this.repository.wards();
  }

  admit(visitId: string, input: AdmissionInput) {
    return this.repository.admit(visitId, input);
  }

  transfer(stayId: string, input: TransferInput) {
    return this.repository.transfer(stayId, input);
  }

  addProgressNote(stayId: string, input: ProgressInput) {
    return this.repository.addProgressNote(stayId, input);
  }

  discharge(stayId: string, input: DischargeInput) {
    return this.repository.discharge(stayId, input);
  }

  stay(id: string) {
    return this.repository.stay(id);
  }

  notes(stayId: string) {
    return firstValueFrom(this.repository.notes$(stayId));
  }

  activeStays() {
    return firstValueFrom(this.repository.activeStays$());
  }

  async location(stayId: string) {
    const stay = await this.repository.stay(stayId);
    return stay ? firstValueFrom(this.repository.location$(stay)) : null;
  }

  today(): string {
    return this.repository.today();
  }
}
