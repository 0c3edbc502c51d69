import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderableTest } from '../../renderer/orders/orders-repository';
import type { QuarantinedDocument } from '../../renderer/sync/quarantine';
import { seedDemoCatalogs } from '../../server/demo/demo-catalogs';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';
import { demoSigner, signedRow } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { v7 as uuidv7 } from 'uuid';

const GLUCOSE = 'SEN-XN-024';
const URINE_GLUCOSE = 'SEN-XN-053';
const CHEST_XRAY = 'SEN-DV-012';

/** The doctor's exam-room PC and the lab's PC of one facility, each in its own worker. */
describe('lab orders between the exam room and the lab', () => {
  let server: TestServer;
  let doctorPc: IsolatedClient;
  let labPc: IsolatedClient;
  let encounter: EncounterDocument;

  const found = async (client: IsolatedClient, query: string, code: string): Promise<OrderableTest> => {
    const test = (await client.orders.searchTests(query)).find((candidate) => candidate.code === code);
    if (!test) throw new Error(`${query} finds no ${code}`);
    return test;
  };
  const held = (client: IsolatedClient): QuarantinedDocument[] => {
    let entries: QuarantinedDocument[] = [];
    client.sync.quarantine$.subscribe((current) => (entries = current)).unsubscribe();
    return entries;
  };
  const serverOrder = async (id: string): Promise<OrderDocument | undefined> =>
    (
      await server.database.query<{ body: OrderDocument }>(
        `SELECT body FROM sync_documents WHERE collection = 'orders' AND id = $1`,
        [id],
      )
    )[0]?.body;

  beforeEach(async () => {
    server = await TestServer.start();
    await seedDemoCatalogs(server.database);
    const [{ count }] = (await server.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM sync_documents WHERE collection = 'catalog'`,
    )) as [{ count: number }];
    doctorPc = await IsolatedClient.open(server.url, await server.enroll('phòng khám nội'), {
      userId: DEMO_STAFF.doctor.id,
    });
    labPc = await IsolatedClient.open(server.url, await server.enroll('khoa xét nghiệm'), {
      userId: DEMO_STAFF.labTechnician.id,
    });
    for (const client of [doctorPc, labPc]) {
      await client.goOnline();
      await waitFor(async () => (await client.orders.catalogCount()) === count, 'the catalogs pulled');
    }
    // Nguyễn Thị Đào, a woman born in 1990: the adult women's ranges apply.
    encounter = await doctorPc.orders.seedVisit(validRegistrationForm());
    await waitFor(async () => (await labPc.orders.encounter(encounter.id)) !== null, 'the lab PC has the visit');
  });
  afterEach(async () => {
    await doctorPc.close();
    await labPc.close();
    await server.close();
  });

  it('reaches the lab worklist, takes the results with range and flag, and brings them back to the doctor', async () => {
    const tests = [
      await found(doctorPc, 'glucose mau', GLUCOSE),
      await found(doctorPc, URINE_GLUCOSE, URINE_GLUCOSE),
      await found(doctorPc, 'chup xquang nguc', CHEST_XRAY),
    ];
    expect(tests.map((test) => test.kind)).toEqual(['lab', 'lab', 'imaging']);
    const ordered = await doctorPc.orders.orderTests(encounter, tests);
    if (!ordered.ok) throw new Error(`not ordered: ${ordered.problem}`);
    expect(ordered.orders.map((order) => [order.kind, order.tests.map((test) => test.code)])).toEqual([
      ['lab', [GLUCOSE, URINE_GLUCOSE]],
      ['imaging', [CHEST_XRAY]],
    ]);
    const [labOrder, imagingOrder] = ordered.orders as [OrderDocument, OrderDocument];

    await waitFor(
      async () =>
        (await labPc.orders.worklist('lab')).some((order) => order.id === labOrder.id) &&
        (await labPc.orders.worklist('imaging')).some((order) => order.id === imagingOrder.id),
      'the lab sees the order on its worklist, imaging on its own',
    );
    expect((await labPc.orders.worklist('lab')).map((order) => order.id)).toEqual([labOrder.id]);
    expect((await labPc.orders.worklist('imaging')).map((order) => order.id)).toEqual([imagingOrder.id]);

    const started = await labPc.orders.start(labOrder.id);
    expect(started).toMatchObject({
      ok: true,
      order: { status: 'in-progress', handledBy: DEMO_STAFF.labTechnician.id },
    });
    // Started twice: the same version, nothing new to send.
    expect(await labPc.orders.start(labOrder.id)).toEqual(started);
    // A word where a number belongs refuses the whole entry: nothing is written.
    expect(
      await labPc.orders.enterResults(labOrder.id, [
        { code: GLUCOSE, value: 'cao' },
        { code: URINE_GLUCOSE, value: 'Âm tính' },
      ]),
    ).toEqual({ ok: false, problem: 'invalid-values', values: [{ code: GLUCOSE, problem: 'not-a-number' }] });
    expect(await labPc.orders.resultsOfOrder(labOrder.id)).toEqual([]);
    // Blank tests wait for later; the order stays in progress until every test has a result.
    expect(
      await labPc.orders.enterResults(labOrder.id, [
        { code: GLUCOSE, value: '7,2' },
        { code: URINE_GLUCOSE, value: '' },
      ]),
    ).toMatchObject({ ok: true, order: { status: 'in-progress' } });
    expect(await labPc.orders.enterResults(labOrder.id, [{ code: GLUCOSE, value: '8' }])).toEqual({
      ok: false,
      problem: 'invalid-values',
      values: [{ code: GLUCOSE, problem: 'already-entered' }],
    });
    expect(await labPc.orders.resultsOfOrder(labOrder.id)).toHaveLength(1);
    expect(await labPc.orders.enterResults(labOrder.id, [{ code: URINE_GLUCOSE, value: 'Dương tính' }])).toMatchObject({
      ok: true,
      order: { status: 'completed' },
    });
    expect((await labPc.orders.worklist('lab')).map((order) => order.id)).toEqual([]);

    await waitFor(
      async () => (await doctorPc.orders.resultsOfOrder(labOrder.id)).length === 2,
      'the doctor sees both results',
    );
    const results = await doctorPc.orders.resultsOfOrder(labOrder.id);
    expect(results.map((result) => [result.code, result.orderId, result.encounterId, result.lab])).toEqual([
      [
        GLUCOSE,
        labOrder.id,
        encounter.id,
        {
          testCode: GLUCOSE,
          testName: 'Glucose máu',
          value: '7,2',
          numericValue: 7.2,
          unit: 'mmol/L',
          referenceLow: 3.9,
          referenceHigh: 6.4,
          referenceText: '3,9 – 6,4',
          flag: 'high',
        },
      ],
      [
        URINE_GLUCOSE,
        labOrder.id,
        encounter.id,
        expect.objectContaining({ value: 'Dương tính', referenceText: 'Âm tính', flag: 'abnormal' }),
      ],
    ]);
    await waitFor(
      async () => (await doctorPc.orders.order(labOrder.id))?.status === 'completed',
      'the doctor sees the order completed',
    );

    // A completed order cannot be cancelled; an open one is, and leaves the worklist (never deleted).
    expect(await doctorPc.orders.cancel(labOrder.id)).toEqual({ ok: false, problem: 'order-closed' });
    expect(await doctorPc.orders.cancel(imagingOrder.id)).toMatchObject({ ok: true, order: { status: 'cancelled' } });
    await waitFor(async () => (await labPc.orders.worklist('imaging')).length === 0, 'the cancelled study leaves');
    expect((await labPc.orders.order(imagingOrder.id))?.status).toBe('cancelled');
  });

  it('asks for a reason before repeating a test within its validity, and keeps the earlier result with it', async () => {
    const glucose = await found(doctorPc, 'SEN-XN-024', GLUCOSE);
    const first = await doctorPc.orders.orderTests(encounter, [glucose]);
    if (!first.ok) throw new Error(`not ordered: ${first.problem}`);
    const firstOrder = first.orders[0] as OrderDocument;

    // Still open: ordering it again is already a repeat.
    expect(await doctorPc.orders.orderTests(encounter, [glucose])).toMatchObject({
      ok: false,
      problem: 'repeat-reason-required',
      repeats: [{ code: GLUCOSE, result: null, openOrder: { orderId: firstOrder.id } }],
    });

    await waitFor(async () => (await labPc.orders.order(firstOrder.id)) !== null, 'the lab has the order');
    expect((await labPc.orders.enterResults(firstOrder.id, [{ code: GLUCOSE, value: '5,1' }])).ok).toBe(true);
    await waitFor(
      async () => (await doctorPc.orders.order(firstOrder.id))?.status === 'completed',
      'the result is back in the exam room',
    );
    const [earlier] = await doctorPc.orders.resultsOfOrder(firstOrder.id);

    const refused = await doctorPc.orders.orderTests(encounter, [glucose], { [GLUCOSE]: '   ' });
    expect(refused).toMatchObject({
      ok: false,
      problem: 'repeat-reason-required',
      repeats: [
        { code: GLUCOSE, result: { observationId: earlier?.id, value: '5,1', flag: 'normal' }, openOrder: null },
      ],
    });

    const repeated = await doctorPc.orders.orderTests(encounter, [glucose], { [GLUCOSE]: 'Bệnh nhân vừa ăn sáng' });
    if (!repeated.ok) throw new Error(`not ordered: ${repeated.problem}`);
    const repeat = repeated.orders[0] as OrderDocument;
    const expected = { code: GLUCOSE, earlierResultId: earlier?.id, repeatReason: 'Bệnh nhân vừa ăn sáng' };
    expect(repeat.tests).toEqual([expect.objectContaining(expected)]);
    await waitFor(async () => (await serverOrder(repeat.id)) !== undefined, 'the server has the repeat order');
    expect((await serverOrder(repeat.id))?.tests).toEqual([expect.objectContaining(expected)]);
  });

  it('refuses at the server an order made by the lab and a result written by the doctor', async () => {
    const glucose = await found(labPc, 'glucose', GLUCOSE);
    // The screens never offer these; a client that wrote them anyway is refused and keeps them held.
    const byLab = await labPc.orders.orderTests(encounter, [glucose]);
    if (!byLab.ok) throw new Error(`not written: ${byLab.problem}`);
    const labOrderId = (byLab.orders[0] as OrderDocument).id;
    await waitFor(() => held(labPc).some((entry) => entry.id === labOrderId), 'the lab-made order is refused');
    expect(held(labPc).find((entry) => entry.id === labOrderId)).toMatchObject({
      collection: 'orders',
      code: 'forbidden',
    });
    expect(await serverOrder(labOrderId)).toBeUndefined();

    const byDoctor = await doctorPc.orders.orderTests(encounter, [glucose]);
    if (!byDoctor.ok) throw new Error(`not ordered: ${byDoctor.problem}`);
    const orderId = (byDoctor.orders[0] as OrderDocument).id;
    await waitFor(async () => (await serverOrder(orderId)) !== undefined, 'the server has the order');
    const entered = await doctorPc.orders.enterResults(orderId, [{ code: GLUCOSE, value: '5,5' }]);
    if (!entered.ok) throw new Error(`not written: ${entered.problem}`);
    const resultId = entered.observations[0]?.id;
    await waitFor(
      () =>
        held(doctorPc).some((entry) => entry.id === resultId) && held(doctorPc).some((entry) => entry.id === orderId),
      "the doctor's result and completion are refused",
    );
    expect(
      held(doctorPc)
        .map((entry) => [entry.collection, entry.code])
        .sort(),
    ).toEqual([
      ['observations', 'forbidden'],
      ['orders', 'forbidden'],
    ]);
    expect((await serverOrder(orderId))?.status).toBe('ordered');
  });

  it('completes on retry an entry interrupted halfway, instead of refusing it', async () => {
    const tests = [await found(doctorPc, 'glucose mau', GLUCOSE), await found(doctorPc, URINE_GLUCOSE, URINE_GLUCOSE)];
    const ordered = await doctorPc.orders.orderTests(encounter, tests);
    if (!ordered.ok) throw new Error(`not ordered: ${ordered.problem}`);
    const orderId = (ordered.orders[0] as OrderDocument).id;
    await waitFor(async () => (await labPc.orders.order(orderId)) !== null, 'the lab PC has the order');
    const typed = [
      { code: GLUCOSE, value: '5,5' },
      { code: URINE_GLUCOSE, value: 'Âm tính' },
    ];

    expect(await labPc.orders.enterResultsInterrupted(orderId, typed)).toContain('the PC lost power');
    expect(await labPc.orders.resultsOfOrder(orderId)).toHaveLength(2);
    expect((await labPc.orders.order(orderId))?.status).toBe('ordered');
    // The same values typed again finish the entry; a different value is still refused.
    expect(await labPc.orders.enterResults(orderId, [{ code: GLUCOSE, value: '6' }])).toMatchObject({
      ok: false,
      values: [{ code: GLUCOSE, problem: 'already-entered' }],
    });
    expect(await labPc.orders.enterResults(orderId, typed)).toMatchObject({
      ok: true,
      order: { status: 'completed', handledBy: DEMO_STAFF.labTechnician.id },
      observations: [],
    });
    expect(await labPc.orders.resultsOfOrder(orderId)).toHaveLength(2);
    await waitFor(async () => (await serverOrder(orderId))?.status === 'completed', 'the server has it completed');
  });

  it('refuses at the server an order put back from completed and a result on a cancelled order', async () => {
    const glucose = await found(doctorPc, 'glucose', GLUCOSE);
    const ordered = await doctorPc.orders.orderTests(encounter, [glucose, await found(doctorPc, 'xquang', CHEST_XRAY)]);
    if (!ordered.ok) throw new Error(`not ordered: ${ordered.problem}`);
    const [labOrder, imagingOrder] = ordered.orders as [OrderDocument, OrderDocument];
    await waitFor(async () => (await labPc.orders.order(labOrder.id)) !== null, 'the lab PC has the order');
    expect(await labPc.orders.enterResults(labOrder.id, [{ code: GLUCOSE, value: '5' }])).toMatchObject({ ok: true });
    await waitFor(async () => (await serverOrder(labOrder.id))?.status === 'completed', 'the server has it completed');
    expect(await doctorPc.orders.cancel(imagingOrder.id)).toMatchObject({ ok: true });
    await waitFor(async () => (await serverOrder(imagingOrder.id))?.status === 'cancelled', 'the cancel is sent');

    const labSigner = await demoSigner(DEMO_STAFF.labTechnician.id);
    const push = async (collection: string, state: Record<string, unknown>, assumed?: Record<string, unknown>) =>
      syncRequest(server.url, labPc.enrollment.token, collection, 'push', {
        body: [
          await signedRow(
            collection,
            { ...state, _deleted: false },
            labSigner,
            assumed && { ...assumed, _deleted: false },
          ),
        ],
      });
    const refused = { status: 403, body: { code: 'forbidden', details: { reason: 'not-permitted' } } };
    const completed = (await serverOrder(labOrder.id)) as OrderDocument;
    const reopened = { ...completed, status: 'in-progress', completedAt: '', updatedBy: DEMO_STAFF.labTechnician.id };
    expect(await push('orders', reopened, completed)).toMatchObject(refused);
    expect((await serverOrder(labOrder.id))?.status).toBe('completed');

    const [result] = await labPc.orders.resultsOfOrder(labOrder.id);
    if (!result) throw new Error('no result');
    const onCancelled = { ...result, id: uuidv7(), orderId: imagingOrder.id };
    expect(await push('observations', onCancelled)).toMatchObject(refused);
    const stored = await server.database.query(`SELECT 1 FROM sync_documents WHERE id = $1`, [onCancelled.id]);
    expect(stored).toEqual([]);
  });
});
