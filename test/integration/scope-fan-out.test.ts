import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import type { PullResponse, SyncCheckpoint } from '../../shared/sync/protocol';
import { patientDocument } from '../helpers/patient-documents';
import { referralDocument } from '../helpers/referral-documents';
import { addFacility, type OtherFacility } from '../helpers/second-facility';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { demoSigner, signedRow, signedRows } from '../helpers/signing';
import { syncRequest, type RawResponse } from '../helpers/sync-requests';
import { TestServer } from '../helpers/test-server';

const live = <T extends object>(document: T) => ({ ...document, _deleted: false });

async function pullAll<T>(server: TestServer, token: string, collection: string): Promise<T[]> {
  const documents: T[] = [];
  let checkpoint: SyncCheckpoint | null = null;
  for (;;) {
    const query: Record<string, string> = { limit: '50' };
    if (checkpoint) query.checkpoint = JSON.stringify(checkpoint);
    const answer = await syncRequest(server.url, token, collection, 'pull', { query });
    expect(answer.status).toBe(200);
    const page = answer.body as PullResponse<T>;
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length === 0) return documents;
  }
}

describe('documents addressed to two facilities (a referral)', () => {
  let server: TestServer;
  let sender: { token: string; doctorId: string; doctor: DocumentSigner; registrar: DocumentSigner };
  let receiver: OtherFacility;
  let bystander: OtherFacility;
  let patient: PatientDocument;

  /** One signed row: the new state by `signer`, made on `assumed` when given. */
  const push = async (
    token: string,
    collection: string,
    signer: DocumentSigner,
    state: object,
    assumed?: object,
  ): Promise<RawResponse> =>
    syncRequest(server.url, token, collection, 'push', {
      body: [await signedRow(collection, live(state), signer, assumed && live(assumed))],
    });
  const storedReferral = async (id: string) =>
    (
      await server.database.query<{ body: ReferralDocument }>(
        `SELECT body FROM sync_documents WHERE collection = 'referrals' AND id = $1`,
        [id],
      )
    )[0]?.body;

  beforeEach(async () => {
    server = await TestServer.start();
    sender = {
      token: (await server.enroll('phòng khám 1')).token,
      doctorId: DEMO_STAFF.doctor.id,
      doctor: await demoSigner(DEMO_STAFF.doctor.id),
      registrar: await demoSigner(DEMO_STAFF.registrar.id),
    };
    receiver = await addFacility(server, '15001', 'Bệnh viện Đa khoa tỉnh (demo)');
    bystander = await addFacility(server, '10020', 'Trung tâm Y tế khu vực Bảo Thắng (demo)');
    patient = patientDocument('10010');
    expect((await push(sender.token, 'patients', sender.registrar, patient)).status).toBe(200);
  });
  afterEach(async () => {
    await server.close();
  });

  it('reaches the sending and the receiving facility once each, and nobody else', async () => {
    const referral = referralDocument(patient, receiver.code, sender.doctorId);
    expect(await push(sender.token, 'referrals', sender.doctor, referral)).toEqual({ status: 200, body: [] });

    expect((await pullAll<ReferralDocument>(server, sender.token, 'referrals')).map((r) => r.id)).toEqual([
      referral.id,
    ]);
    expect((await pullAll<ReferralDocument>(server, receiver.token, 'referrals')).map((r) => r.id)).toEqual([
      referral.id,
    ]);
    expect(await pullAll(server, bystander.token, 'referrals')).toEqual([]);
    // The sender's patient stays the sender's: the receiver gets the referral, not the record.
    expect(await pullAll(server, receiver.token, 'patients')).toEqual([]);
  });

  it('lets the receiver write its side and nothing else, and the sender sees each step', async () => {
    const referral = referralDocument(patient, receiver.code, sender.doctorId);
    await push(sender.token, 'referrals', sender.doctor, referral);

    const rewritten = { ...referral, findings: 'viết lại', updatedBy: receiver.doctorId };
    const refused = await push(receiver.token, 'referrals', receiver.doctor, rewritten, referral);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'forbidden',
      details: { id: referral.id, reason: 'field-not-owned', field: 'findings' },
    });
    expect((await storedReferral(referral.id))?.findings).toBe(referral.findings);

    const registered = patientDocument(receiver.code, { createdBy: receiver.doctorId, updatedBy: receiver.doctorId });
    expect((await push(receiver.token, 'patients', receiver.doctor, registered)).status).toBe(200);
    const accepted = {
      ...referral,
      receiverStatus: 'accepted' as const,
      receiverPatientId: registered.id,
      updatedBy: receiver.doctorId,
    };
    expect(await push(receiver.token, 'referrals', receiver.doctor, accepted, referral)).toEqual({
      status: 200,
      body: [],
    });

    const [seenBySender] = await pullAll<ReferralDocument>(server, sender.token, 'referrals');
    expect(seenBySender).toMatchObject({ receiverStatus: 'accepted', receiverPatientId: registered.id });

    const forgedAcceptance = { ...accepted, receiverStatus: 'declined' as const, updatedBy: sender.doctorId };
    const senderRefused = await push(sender.token, 'referrals', sender.doctor, forgedAcceptance, accepted);
    expect(senderRefused.body).toMatchObject({ details: { reason: 'field-not-owned', field: 'receiverStatus' } });
  });

  it('keeps a referral where it was addressed: no readdressing, no writing from a third facility', async () => {
    const referral = referralDocument(patient, receiver.code, sender.doctorId);
    await push(sender.token, 'referrals', sender.doctor, referral);

    const readdressed = { ...referral, toFacilityCode: bystander.code };
    const moved = await push(sender.token, 'referrals', sender.doctor, readdressed, referral);
    expect(moved).toMatchObject({ status: 403, body: { code: 'out-of-scope', details: { reason: 'scope-changed' } } });

    const intruder = await push(
      bystander.token,
      'referrals',
      bystander.doctor,
      { ...referral, updatedBy: bystander.doctorId },
      referral,
    );
    expect(intruder).toMatchObject({ status: 403, body: { code: 'out-of-scope' } });

    // Only the sending facility creates a referral "from" itself.
    const forged = referralDocument(patient, receiver.code, receiver.doctorId);
    expect((await push(receiver.token, 'referrals', receiver.doctor, forged)).status).toBe(403);
    expect(await pullAll<ReferralDocument>(server, bystander.token, 'referrals')).toEqual([]);
  });

  it('holds a referral whose patient has not reached the province, and takes it once the patient has', async () => {
    const unsent = patientDocument('10010');
    const referral = referralDocument(unsent, receiver.code, sender.doctorId);
    const early = await push(sender.token, 'referrals', sender.doctor, referral);
    expect(early).toMatchObject({
      status: 409,
      body: {
        code: 'reference-missing',
        details: { id: referral.id, field: 'patientId', collection: 'patients', referencedId: unsent.id },
      },
    });
    expect(await storedReferral(referral.id)).toBeUndefined();

    await push(sender.token, 'patients', sender.registrar, unsent);
    expect((await push(sender.token, 'referrals', sender.doctor, referral)).status).toBe(200);
  });
});

// PGlite serves one connection at a time, so commits cannot interleave there: this needs a
// PostgreSQL server (CI's second pass sets SEN_TEST_DATABASE_URL).
describe.runIf(process.env.SEN_TEST_DATABASE_URL)('fan-out under concurrent writers (PostgreSQL)', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('each facility checkpointing continuously ends with every referral addressed to it exactly once', async () => {
    const district = {
      code: '10010',
      doctorId: DEMO_STAFF.doctor.id,
      registrarId: DEMO_STAFF.registrar.id,
      doctor: await demoSigner(DEMO_STAFF.doctor.id),
      registrar: await demoSigner(DEMO_STAFF.registrar.id),
    };
    const province = await addFacility(server, '15001', 'Bệnh viện Đa khoa tỉnh (demo)');
    const districtWriters = await Promise.all([0, 1, 2].map((n) => server.enroll(`district-${n}`)));
    const provinceWriters = await Promise.all(
      [0, 1, 2].map(async () => (await addFacilityDevice(server, province.code)).token),
    );
    const readers = { district: (await server.enroll('district-reader')).token, province: province.token };
    const addressedTo = { district: new Set<string>(), province: new Set<string>() };
    let writing = true;

    const write = async (
      token: string,
      from: { code: string; doctorId: string; registrarId: string; doctor: DocumentSigner; registrar: DocumentSigner },
      to: string,
    ): Promise<void> => {
      for (let batch = 0; batch < 15; batch++) {
        const patients = Array.from({ length: 1 + (batch % 3) }, () =>
          patientDocument(from.code, { createdBy: from.registrarId, updatedBy: from.registrarId }),
        );
        expect((await push(token, 'patients', await signedRows('patients', patients, from.registrar))).status).toBe(
          200,
        );
        const referrals = patients.map((p) => referralDocument(p, to, from.doctorId));
        const answer = await push(token, 'referrals', await signedRows('referrals', referrals, from.doctor));
        expect(answer, JSON.stringify(answer.body)).toMatchObject({ status: 200 });
        for (const referral of referrals) {
          addressedTo.district.add(referral.id);
          addressedTo.province.add(referral.id);
        }
      }
    };
    const push = (token: string, collection: string, rows: unknown[]) =>
      syncRequest(server.url, token, collection, 'push', { body: rows });

    const read = async (token: string): Promise<string[]> => {
      const pulled: string[] = [];
      let checkpoint: SyncCheckpoint | null = null;
      const pullOnce = async (): Promise<number> => {
        const query: Record<string, string> = { limit: '5' };
        if (checkpoint) query.checkpoint = JSON.stringify(checkpoint);
        const answer = await syncRequest(server.url, token, 'referrals', 'pull', { query });
        const page = answer.body as PullResponse<ReferralDocument>;
        pulled.push(...page.documents.map((document) => document.id));
        checkpoint = page.checkpoint;
        return page.documents.length;
      };
      while (writing) await pullOnce();
      while ((await pullOnce()) > 0);
      return pulled;
    };

    const reading = Promise.all([read(readers.district), read(readers.province)]);
    await Promise.all([
      ...districtWriters.map((writer) => write(writer.token, district, province.code)),
      ...provinceWriters.map((token) =>
        write(token, { ...province, registrarId: province.doctorId, registrar: province.doctor }, district.code),
      ),
    ]);
    writing = false;
    const [districtPulled, provincePulled] = await reading;

    // 6 writers × 15 batches of 1–3 referrals, each addressed to both facilities
    expect(addressedTo.district.size).toBe(6 * (5 * 1 + 5 * 2 + 5 * 3));
    for (const [pulled, expected] of [
      [districtPulled, addressedTo.district],
      [provincePulled, addressedTo.province],
    ] as const) {
      expect(new Set(pulled).size).toBe(pulled.length);
      expect([...pulled].sort()).toEqual([...expected].sort());
    }
  });
});

async function addFacilityDevice(server: TestServer, code: string): Promise<{ token: string }> {
  return server.enroll(`writer ${code} ${Math.random().toString(36).slice(2, 8)}`, `TEST-${code}`);
}
