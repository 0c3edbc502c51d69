import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReferralInput } from '../../renderer/referrals/referrals-repository';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { addFacility, type OtherFacility } from '../helpers/second-facility';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const APPENDICITIS = { code: 'K35.8', name: 'Viêm ruột thừa cấp, khác và không đặc hiệu', primary: true };

const referralInput = (toFacilityCode: string): ReferralInput => ({
  toFacilityCode,
  reason: 'Vượt quá khả năng chuyên môn',
  findings: 'Đau hố chậu phải, sốt 38,5 °C',
  diagnoses: [APPENDICITIS],
  results: [],
  testsDone: 'Bạch cầu: 15 G/L (cao)',
  treatmentGiven: 'Truyền dịch',
  conditionAtTransfer: 'Tỉnh, mạch 96 lần/phút',
  transport: 'Xe cứu thương',
  accompanyingStaff: 'Điều dưỡng Lò Thị Mai',
});

/**
 * A district PC refers a patient to the province hospital; the hospital's PC accepts, and sends
 * the outcome back; a third facility's PC never sees it. Each PC is a whole client in its own
 * worker, syncing with the one provincial server.
 */
describe('a referral between two facilities’ PCs', () => {
  let server: TestServer;
  let province: OtherFacility;
  let bystander: OtherFacility;
  let districtPc: IsolatedClient;
  let provincePc: IsolatedClient;
  let bystanderPc: IsolatedClient;

  const referralOn = (client: IsolatedClient, id: string): Promise<ReferralDocument | null> => client.referrals.get(id);

  beforeEach(async () => {
    server = await TestServer.start();
    province = await addFacility(server, '15001', 'Bệnh viện Đa khoa tỉnh (demo)');
    bystander = await addFacility(server, '10020', 'Trung tâm Y tế khu vực Bảo Thắng (demo)');
    districtPc = await IsolatedClient.open(server.url, await server.enroll('bát xát - phòng khám'));
    provincePc = await IsolatedClient.open(server.url, await server.enroll('tỉnh - tiếp đón', province.enrollmentCode));
    bystanderPc = await IsolatedClient.open(server.url, await server.enroll('bảo thắng', bystander.enrollmentCode));
    for (const client of [districtPc, provincePc, bystanderPc]) await client.goOnline();
    // The far facilities' doctors log in at their PCs once their accounts have synced there.
    for (const [client, facility] of [
      [provincePc, province],
      [bystanderPc, bystander],
    ] as const) {
      await waitFor(() => client.referrals.hasStaff(facility.doctorId), `the ${facility.code} doctor's account pulled`);
      await client.referrals.actAsStaff(facility.doctorId, facility.doctorPassword);
    }
  });
  afterEach(async () => {
    for (const client of [districtPc, provincePc, bystanderPc]) await client.close();
    await server.close();
  });

  /** A patient registered at the district's reception and referred by its doctor. */
  async function referFromDistrict(): Promise<{ referral: ReferralDocument; patientId: string }> {
    const registered = await districtPc.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    await districtPc.actAs(DEMO_STAFF.doctor.id);
    const sent = await districtPc.referrals.send(registered.patient.id, referralInput(province.code));
    if (!sent.ok) throw new Error(JSON.stringify(sent.problems));
    return { referral: sent.referral, patientId: registered.patient.id };
  }

  it('reaches only the receiving facility, registers the patient there from it, and brings the outcome back', async () => {
    const { referral, patientId } = await referFromDistrict();

    await waitFor(
      async () => (await provincePc.referrals.incoming()).some((incoming) => incoming.id === referral.id),
      'the referral in the province’s incoming list',
    );
    const accepted = await provincePc.referrals.accept(referral.id);
    expect(accepted).toMatchObject({ ok: true, linked: false });
    if (!accepted.ok) return;
    // Registered at the province from the referral's patient block: nothing typed again.
    const district = await districtPc.patient(patientId);
    const registeredThere = await provincePc.patient(accepted.patientId);
    expect(registeredThere).toMatchObject({
      facilityCode: province.code,
      familyName: district?.familyName,
      middleName: district?.middleName,
      givenName: district?.givenName,
      dateOfBirth: district?.dateOfBirth,
      cccd: district?.cccd,
      bhyt: district?.bhyt,
      phone: district?.phone,
      address: district?.address,
    });

    await waitFor(
      async () => (await referralOn(districtPc, referral.id))?.receiverStatus === 'accepted',
      'the acceptance back at the district',
    );
    expect((await referralOn(districtPc, referral.id))?.receiverPatientId).toBe(accepted.patientId);

    expect(
      await provincePc.referrals.reportOutcome(referral.id, 'admitted', 'Mổ cắt ruột thừa, ổn định'),
    ).toMatchObject({ ok: true });
    await waitFor(
      async () => (await referralOn(districtPc, referral.id))?.receiverStatus === 'completed',
      'the outcome back at the district',
    );
    expect(await referralOn(districtPc, referral.id)).toMatchObject({
      outcome: 'admitted',
      outcomeSummary: 'Mổ cắt ruột thừa, ổn định',
    });
    // The district PC's list shows it completed; nobody else holds it.
    expect((await districtPc.referrals.outgoing()).map((sent) => sent.id)).toEqual([referral.id]);
    expect(await bystanderPc.referrals.all()).toEqual([]);
    expect(await bystanderPc.patients.search('Đào')).toEqual([]);
  });

  it('keeps both sides’ edits made offline at once, and links the patient registered there by CCCD', async () => {
    // The same person already has a record at the province (an earlier admission there).
    const known = await provincePc.patients.register(validRegistrationForm({ street: 'Tổ 3' }));
    expect(known.ok).toBe(true);
    const { referral } = await referFromDistrict();
    await waitFor(async () => (await referralOn(provincePc, referral.id)) !== null, 'the referral at the province');

    await districtPc.goOffline();
    await provincePc.goOffline();
    // The district adds what it gave on the way; the province takes the patient in.
    await districtPc.referrals.patch(referral.id, { treatmentGiven: 'Truyền dịch, kháng sinh Ceftriaxone 1 g' });
    const accepted = await provincePc.referrals.accept(referral.id);
    expect(accepted).toMatchObject({ ok: true, linked: true, patientId: known.ok ? known.patient.id : '' });
    expect(await provincePc.database.patients.count().exec()).toBe(1);

    await districtPc.goOnline();
    await provincePc.goOnline();
    for (const client of [districtPc, provincePc]) {
      await waitFor(async () => {
        const seen = await referralOn(client, referral.id);
        return seen?.receiverStatus === 'accepted' && seen.treatmentGiven.includes('Ceftriaxone');
      }, 'both sides’ edits on each PC');
    }
    expect(await referralOn(districtPc, referral.id)).toEqual(await referralOn(provincePc, referral.id));
  });

  it('lets the sender withdraw a referral nobody acted on, and the receiver then cannot accept it', async () => {
    const { referral } = await referFromDistrict();
    expect(await districtPc.referrals.withdraw(referral.id)).toMatchObject({ ok: true });
    await waitFor(
      async () => (await referralOn(provincePc, referral.id))?.senderStatus === 'cancelled',
      'the withdrawal at the province',
    );
    expect(await provincePc.referrals.accept(referral.id)).toEqual({
      ok: false,
      problems: [{ field: 'receiverStatus', code: 'already-answered' }],
    });
    expect(await provincePc.referrals.decline(referral.id, 'Hết giường')).toMatchObject({ ok: false });
  });
});
