import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderableTest } from '../../renderer/orders/orders-repository';
import type { QuarantinedDocument } from '../../renderer/sync/quarantine';
import { seedDemoCatalogs } from '../../server/demo/demo-catalogs';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { addFacility, type OtherFacility } from '../helpers/second-facility';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const GLUCOSE = 'SEN-XN-024';

/**
 * A district doctor refers a patient with the glucose measured in the visit, and signs the
 * referral; the province hospital's PC pulls it, accepts it, and its doctor is warned before
 * ordering the glucose again ("Đã làm tại …", reported as another facility's result). Each PC is
 * a whole client in its own worker, syncing with one provincial server.
 */
describe('lab results carried by a signed referral', () => {
  let server: TestServer;
  let province: OtherFacility;
  let districtPc: IsolatedClient;
  let provincePc: IsolatedClient;

  const referralOn = (client: IsolatedClient, id: string): Promise<ReferralDocument | null> => client.referrals.get(id);
  const storedOnServer = async (id: string): Promise<ReferralDocument | undefined> =>
    (
      await server.database.query<{ body: ReferralDocument }>(
        `SELECT body FROM sync_documents WHERE collection = 'referrals' AND id = $1`,
        [id],
      )
    )[0]?.body;
  const heldWith = (client: IsolatedClient, id: string, reason: string) => (): boolean => {
    let entries: QuarantinedDocument[] = [];
    client.sync.quarantine$.subscribe((value) => (entries = value)).unsubscribe();
    return entries.some((entry) => entry.id === id && (entry.details as { reason?: string } | null)?.reason === reason);
  };
  const glucoseTest = async (client: IsolatedClient): Promise<OrderableTest> => {
    const test = (await client.orders.searchTests(GLUCOSE)).find((candidate) => candidate.code === GLUCOSE);
    if (!test) throw new Error('no glucose in the lab catalog');
    return test;
  };

  beforeEach(async () => {
    server = await TestServer.start();
    await seedDemoCatalogs(server.database);
    province = await addFacility(server, '15001', 'Bệnh viện Đa khoa tỉnh (demo)');
    districtPc = await IsolatedClient.open(server.url, await server.enroll('bát xát - phòng khám'), {
      userId: DEMO_STAFF.doctor.id,
    });
    provincePc = await IsolatedClient.open(
      server.url,
      await server.enroll('tỉnh - khám bệnh', province.enrollmentCode),
    );
    for (const client of [districtPc, provincePc]) await client.goOnline();
    await waitFor(() => provincePc.referrals.hasStaff(province.doctorId), 'the province doctor’s account pulled');
    await provincePc.referrals.actAsStaff(province.doctorId, province.doctorPassword);
    for (const client of [districtPc, provincePc])
      await waitFor(async () => (await client.orders.searchTests(GLUCOSE)).length > 0, 'the lab catalog pulled');
  });
  afterEach(async () => {
    for (const client of [districtPc, provincePc]) await client.close();
    await server.close();
  });

  /** A district visit whose glucose the lab measured high, and a referral from it carrying that result. */
  async function referWithGlucose(): Promise<{ referral: ReferralDocument; observationId: string }> {
    const visit = await districtPc.orders.seedVisit(validRegistrationForm());
    const ordered = await districtPc.orders.orderTests(visit, [await glucoseTest(districtPc)]);
    if (!ordered.ok) throw new Error(`not ordered: ${ordered.problem}`);
    const [order] = ordered.orders;
    if (!order) throw new Error('no order');
    await districtPc.actAs(DEMO_STAFF.labTechnician.id);
    await districtPc.orders.start(order.id);
    const entered = await districtPc.orders.enterResults(order.id, [{ code: GLUCOSE, value: '9.1' }]);
    if (!entered.ok) throw new Error(`no result: ${entered.problem}`);
    await districtPc.actAs(DEMO_STAFF.doctor.id);

    const draft = await districtPc.referrals.draftFrom(visit.id);
    if (!draft) throw new Error('no draft');
    // The visit's result is offered and ticked to begin with; the free text starts empty.
    expect(draft.availableResults.map((result) => result.testCode)).toEqual([GLUCOSE]);
    expect(draft.input.results).toEqual(draft.availableResults);
    expect(draft.input.testsDone).toBe('');
    const sent = await districtPc.referrals.send(visit.patientId, {
      ...draft.input,
      toFacilityCode: province.code,
      reason: 'Đường huyết cao, cần điều trị chuyên khoa',
      testsDone: 'Siêu âm ổ bụng: bình thường',
    });
    if (!sent.ok) throw new Error(JSON.stringify(sent.problems));
    const observationId = entered.observations[0]?.id ?? '';
    return { referral: sent.referral, observationId };
  }

  it('reaches the receiver with its results and signature, and warns the province doctor before the same test', async () => {
    const { referral, observationId } = await referWithGlucose();
    expect(referral.results).toEqual([
      expect.objectContaining({ observationId, testCode: GLUCOSE, value: '9.1', flag: 'high', facilityCode: '10010' }),
    ]);
    const signed = await districtPc.signing.sign('referrals', referral.id, DEMO_PASSWORD);
    expect(signed).toMatchObject({ ok: true, document: { signedBy: DEMO_STAFF.doctor.id } });

    await waitFor(
      async () => (await referralOn(provincePc, referral.id))?.signedBy !== undefined,
      'the signed referral',
    );
    const pulled = await referralOn(provincePc, referral.id);
    expect(pulled?.results).toEqual(referral.results);
    // The server verified the signature when it took the push; the district PC checks it too.
    expect(await districtPc.signing.check('referrals', pulled as unknown as Record<string, unknown>)).toBe('valid');

    // Accepted at the province, the patient registered there from the referral.
    const accepted = await provincePc.referrals.accept(referral.id);
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.problems));
    const visitThere = await provincePc.orders.visitOf(accepted.patientId);
    const glucose = await glucoseTest(provincePc);
    const [warning] = await provincePc.orders.repeatsOf(accepted.patientId, [glucose]);
    expect(warning).toMatchObject({
      code: GLUCOSE,
      result: {
        observationId,
        value: '9.1',
        unit: 'mmol/L',
        flag: 'high',
        facility: { code: '10010', name: expect.stringContaining('Bát Xát') as unknown },
      },
      openOrder: null,
    });

    // Ordering it again needs a reason; the order names the district's result.
    expect(await provincePc.orders.orderTests(visitThere, [glucose])).toMatchObject({
      ok: false,
      problem: 'repeat-reason-required',
    });
    const ordered = await provincePc.orders.orderTests(visitThere, [glucose], {
      [GLUCOSE]: 'Theo dõi sau truyền dịch',
    });
    expect(ordered).toMatchObject({
      ok: true,
      orders: [
        { tests: [{ code: GLUCOSE, earlierResultId: observationId, repeatReason: 'Theo dõi sau truyền dịch' }] },
      ],
    });
    expect(await provincePc.orders.reportedRepeats()).toEqual([
      { testCode: GLUCOSE, outcome: 'ordered', source: 'foreign', earlierFacilityCode: '10010' },
    ]);
  });

  it('keeps the receiver’s answer and the sender’s signature made offline at once, and freezes what was signed', async () => {
    const { referral } = await referWithGlucose();
    await waitFor(async () => (await referralOn(provincePc, referral.id)) !== null, 'the referral at the province');

    await districtPc.goOffline();
    await provincePc.goOffline();
    // The district doctor signs what the province, meanwhile, accepts on the unsigned version.
    expect(await districtPc.signing.sign('referrals', referral.id, DEMO_PASSWORD)).toMatchObject({ ok: true });
    const accepted = await provincePc.referrals.accept(referral.id);
    expect(accepted).toMatchObject({ ok: true });
    await provincePc.goOnline();
    await districtPc.goOnline();

    for (const client of [districtPc, provincePc]) {
      await waitFor(async () => {
        const seen = await referralOn(client, referral.id);
        return seen?.receiverStatus === 'accepted' && seen.signedBy === DEMO_STAFF.doctor.id;
      }, 'the signature and the acceptance on each PC');
    }
    const merged = await storedOnServer(referral.id);
    expect(merged).toMatchObject({ receiverStatus: 'accepted', signedBy: DEMO_STAFF.doctor.id });
    expect(await districtPc.signing.check('referrals', merged as unknown as Record<string, unknown>)).toBe('valid');

    // Signed, the sender's content is frozen: an edit is held on the PC, nothing of it stored.
    await districtPc.referrals.patch(referral.id, { findings: 'Sửa sau khi ký' });
    await waitFor(heldWith(districtPc, referral.id, 'document-signed'), 'the edit held with its reason');
    expect((await storedOnServer(referral.id))?.findings).toBe(referral.findings);
    // The receiver still reports the outcome on the signed referral.
    expect(await provincePc.referrals.reportOutcome(referral.id, 'treated', 'Ổn định đường huyết')).toMatchObject({
      ok: true,
    });
    await waitFor(
      async () => (await storedOnServer(referral.id))?.outcome === 'treated',
      'the outcome stored beside the signature',
    );
    expect(await storedOnServer(referral.id)).toMatchObject({
      signedBy: DEMO_STAFF.doctor.id,
      results: referral.results,
    });
  });
});
