import { firstValueFrom } from 'rxjs';
import { CatalogRepository } from '../../renderer/catalog/catalog-repository';
import { PatientsRepository } from '../../renderer/patients/patients-repository';
import {
  ReferralsRepository,
  type AcceptOptions,
  type ReferralInput,
  type ReferralOutcome,
} from '../../renderer/referrals/referrals-repository';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import type { TestClient } from './test-client';
import { unsealedSigner } from './signing';

/**
 * A PC's referrals, driven from a test (inside a client's worker: see client-driver.ts). Wraps
 * the product's ReferralsRepository over the client's database and writer, and answers with
 * plain data that crosses to the test.
 */
export class ReferralsDriver {
  private readonly catalog: CatalogRepository;
  readonly repository: ReferralsRepository;

  constructor(private readonly client: TestClient) {
    this.catalog = new CatalogRepository(client.database);
    const device = { deviceId: client.enrollment.deviceId, facilityCode: client.enrollment.facility.code };
    const patients = new PatientsRepository(client.database, client.writer, device);
    this.repository = new ReferralsRepository(client.database, client.writer, patients, this.catalog, device);
  }

  close(): void {
    this.catalog.close();
  }

  /**
   * From now on this PC signs as an account of its facility that is not a demo one (the far
   * facility's doctor), unsealed with its password from the accounts this PC pulled.
   */
  async actAsStaff(staffId: string, password: string): Promise<void> {
    const account = await this.client.database.staff.findOne(staffId).exec();
    if (!account) throw new Error(`no account ${staffId} on this PC`);
    await this.client.actAs(await unsealedSigner(account.toMutableJSON(), password));
  }

  hasStaff(staffId: string): Promise<boolean> {
    return this.client.database.staff
      .findOne(staffId)
      .exec()
      .then((account) => account !== null);
  }

  async send(patientId: string, input: ReferralInput) {
    const patient = await this.client.patients.get(patientId);
    if (!patient) throw new Error(`no patient ${patientId}`);
    return this.repository.send(patient, input);
  }

  draftFrom(encounterId: string) {
    return this.repository.draftFrom(encounterId);
  }

  withdraw(id: string) {
    return this.repository.withdraw(id);
  }

  accept(id: string, options: AcceptOptions = {}) {
    return this.repository.accept(id, options);
  }

  decline(id: string, note: string) {
    return this.repository.decline(id, note);
  }

  reportOutcome(id: string, outcome: ReferralOutcome, summary: string) {
    return this.repository.reportOutcome(id, outcome, summary);
  }

  get(id: string): Promise<ReferralDocument | null> {
    return this.repository.get(id);
  }

  incoming(): Promise<ReferralDocument[]> {
    return firstValueFrom(this.repository.incoming$());
  }

  outgoing(): Promise<ReferralDocument[]> {
    return firstValueFrom(this.repository.outgoing$());
  }

  /** Every referral this PC holds, whichever the facility. */
  async all(): Promise<string[]> {
    return (await this.client.database.referrals.find().exec()).map((document) => document.id);
  }

  /**
   * A sender's edit written as an older app version would, without the rules: for what the
   * server keeps when both sides write at once.
   */
  async patch(id: string, patch: Partial<ReferralDocument>): Promise<void> {
    const written = await this.client.writer.update('referrals', id, (current) => ({
      ...current,
      ...patch,
      updatedBy: this.client.writer.author(),
    }));
    if (!written) throw new Error(`no referral ${id}`);
  }
}
