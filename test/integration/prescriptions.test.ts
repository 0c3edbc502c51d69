import { firstValueFrom, filter } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { seedDemoCatalogs } from '../../server/demo/demo-catalogs';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { IsolatedClient } from '../helpers/isolated-client';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

/** Paracetamol 500mg tablets, one three times a day for five days: 15 tablets. */
const PARACETAMOL = { code: 'SEN-T-0001', dosePerTime: 1, timesPerDay: 3, days: 5 };
/** Ibuprofen 100mg/5ml suspension in 60 ml bottles, 5 ml three times a day for five days: 2 bottles. */
const IBUPROFEN_SYRUP = { code: 'SEN-T-0009', dosePerTime: 5, timesPerDay: 3, days: 5 };

/** Morphine 10mg/1ml ampoules (a narcotic), one a day for two days; diazepam 5mg tablets (psychotropic). */
const MORPHINE = { code: 'SEN-T-0018', dosePerTime: 1, timesPerDay: 1, days: 2 };
const DIAZEPAM = { code: 'SEN-T-0189', dosePerTime: 1, timesPerDay: 1, days: 5 };

describe('prescriptions on the PCs of one facility', () => {
  let server: TestServer;
  let rooms: [IsolatedClient, IsolatedClient];
  let pharmacy: IsolatedClient;

  const prescribed = (result: { ok: boolean; order?: OrderDocument }): OrderDocument => {
    if (!result.ok || !result.order) throw new Error(`not prescribed: ${JSON.stringify(result)}`);
    return result.order;
  };

  beforeEach(async () => {
    server = await TestServer.start();
    await seedDemoCatalogs(server.database);
    const open = async (name: string) => IsolatedClient.open(server.url, await server.enroll(name));
    rooms = [await open('phòng khám 1'), await open('phòng khám 2')];
    pharmacy = await open('nhà thuốc');
    for (const client of [...rooms, pharmacy]) await client.goOnline();
  });
  afterEach(async () => {
    for (const client of [...rooms, pharmacy]) await client.close();
    await server.close();
  });

  /** A patient registered at the first room's PC, and the catalog, on every PC. */
  async function patientEverywhere(): Promise<string> {
    const registered = await rooms[0].patients.register(numberedRegistrationForm('Kê đơn', 1));
    if (!registered.ok) throw new Error('not registered');
    for (const client of [...rooms, pharmacy]) {
      await waitFor(
        async () =>
          (await client.patient(registered.patient.id)) !== null &&
          (await client.prescription({ method: 'catalogSize', args: [] })) > 0 &&
          (await client.outbox.count()) === 0,
        'the patient and the catalog on every PC',
      );
    }
    return registered.patient.id;
  }

  it('two rooms prescribe offline with distinct codes; the pharmacy sees them oldest first and dispenses one', async () => {
    const patientId = await patientEverywhere();
    const visits: EncounterDocument[] = [];
    for (const room of rooms) {
      await room.actAs(DEMO_STAFF.doctor.id);
      await room.goOffline();
      visits.push(await room.prescription({ method: 'startVisit', args: [patientId] }));
    }

    // Both offline at once, each writing two prescriptions: the first serials of both PCs.
    const orders: OrderDocument[] = [];
    for (const [n, room] of rooms.entries()) {
      const visit = visits[n] as EncounterDocument;
      orders.push(prescribed(await room.prescription({ method: 'prescribe', args: [visit, [PARACETAMOL]] })));
      orders.push(prescribed(await room.prescription({ method: 'prescribe', args: [visit, [IBUPROFEN_SYRUP]] })));
    }
    const codes = orders.map((order) => order.prescriptionCode);
    expect(new Set(codes).size).toBe(4);
    for (const code of codes) expect(code).toMatch(/^10010[0-9A-Z]{7}C$/);
    expect(orders.map((order) => order.drugs[0]?.quantity)).toEqual([15, 2, 15, 2]);
    expect(orders[1]?.drugs[0]?.unit).toBe('Chai');

    for (const room of rooms) await room.goOnline();
    for (const room of rooms) await waitFor(async () => (await room.outbox.count()) === 0, 'both rooms sent theirs');

    let worklist: OrderDocument[] = [];
    await waitFor(async () => {
      worklist = await pharmacy.prescription({ method: 'toDispense', args: [] });
      return worklist.length === 4;
    }, 'the pharmacy sees the four prescriptions');
    expect(new Set(worklist.map((order) => order.prescriptionCode))).toEqual(new Set(codes));
    const times = worklist.map((order) => order.orderedAt);
    expect(times).toEqual([...times].sort());

    await pharmacy.actAs(DEMO_STAFF.pharmacist.id);
    const first = worklist[0] as OrderDocument;
    const dispensed = await pharmacy.prescription({ method: 'dispense', args: [first.id] });
    expect(dispensed).toMatchObject({
      ok: true,
      order: { status: 'completed', handledBy: DEMO_STAFF.pharmacist.id },
    });
    expect(await pharmacy.prescription({ method: 'dispense', args: [first.id] })).toEqual({
      ok: false,
      code: 'not-open',
    });
    expect((await pharmacy.prescription({ method: 'toDispense', args: [] })).map((order) => order.id)).not.toContain(
      first.id,
    );

    // The doctor's PC learns it was handed over.
    const room = rooms[orders.findIndex((order) => order.id === first.id) < 2 ? 0 : 1];
    await waitFor(
      async () => (await room.prescription({ method: 'get', args: [first.id] }))?.status === 'completed',
      'the prescribing PC sees the prescription dispensed',
    );
    expect(await firstValueFrom(pharmacy.sync.quarantine$)).toEqual([]);
  });

  it('a doctor must confirm the warnings; the server refuses a prescription written by a pharmacist', async () => {
    const patientId = await patientEverywhere();
    const [room] = rooms;
    await room.actAs(DEMO_STAFF.doctor.id);
    const visit = await room.prescription({ method: 'startVisit', args: [patientId] });
    prescribed(await room.prescription({ method: 'prescribe', args: [visit, [PARACETAMOL]] }));
    const twice = await room.prescription({ method: 'prescribe', args: [visit, [PARACETAMOL]] });
    expect(twice).toMatchObject({
      ok: false,
      problems: [{ code: 'warnings-not-confirmed' }],
      warnings: [{ kind: 'duplicate-open', ingredient: 'paracetamol' }],
    });
    if (twice.ok || !twice.warnings) throw new Error('no warnings to confirm');
    const [duplicate] = twice.warnings;
    if (!duplicate) throw new Error('no warning to confirm');
    const confirmation = [{ warning: duplicate, text: 'Trùng hoạt chất paracetamol' }];
    const confirmed = prescribed(
      await room.prescription({ method: 'prescribe', args: [visit, [PARACETAMOL], confirmation] }),
    );
    expect(confirmed.overriddenWarnings).toEqual(['Trùng hoạt chất paracetamol']);
    await waitFor(async () => (await room.outbox.count()) === 0, 'the doctor’s prescriptions sent');

    await waitFor(
      async () => (await pharmacy.prescription({ method: 'toDispense', args: [] })).length === 2,
      'the pharmacy has them',
    );
    await pharmacy.actAs(DEMO_STAFF.pharmacist.id);
    const forged = prescribed(await pharmacy.prescription({ method: 'prescribe', args: [visit, [IBUPROFEN_SYRUP]] }));
    const held = await firstValueFrom(
      pharmacy.sync.quarantine$.pipe(filter((documents) => documents.some((document) => document.id === forged.id))),
    );
    expect(held.find((document) => document.id === forged.id)).toMatchObject({ collection: 'orders' });
    expect(JSON.stringify(held)).toContain('not-permitted');
    expect((await rooms[1].prescription({ method: 'toDispense', args: [] })).map((order) => order.id)).not.toContain(
      forged.id,
    );
  });

  it('types a prescription by its drugs (N narcotic, H psychotropic) and refuses mixing them with others', async () => {
    const patientId = await patientEverywhere();
    const [room] = rooms;
    await room.actAs(DEMO_STAFF.doctor.id);
    const visit = await room.prescription({ method: 'startVisit', args: [patientId] });
    const mixed = { ok: false, problems: [{ field: 'lines', code: 'controlled-mixed' }] };
    expect(await room.prescription({ method: 'prescribe', args: [visit, [MORPHINE, PARACETAMOL]] })).toEqual(mixed);
    expect(await room.prescription({ method: 'prescribe', args: [visit, [DIAZEPAM, PARACETAMOL]] })).toEqual(mixed);
    expect(await room.prescription({ method: 'prescribe', args: [visit, [MORPHINE, DIAZEPAM]] })).toEqual(mixed);
    const narcotic = prescribed(await room.prescription({ method: 'prescribe', args: [visit, [MORPHINE]] }));
    const psychotropic = prescribed(await room.prescription({ method: 'prescribe', args: [visit, [DIAZEPAM]] }));
    const ordinary = prescribed(await room.prescription({ method: 'prescribe', args: [visit, [PARACETAMOL]] }));
    expect([narcotic, psychotropic, ordinary].map((order) => order.prescriptionCode.slice(-1))).toEqual([
      'N',
      'H',
      'C',
    ]);
    await waitFor(async () => (await room.outbox.count()) === 0, 'the server took all three');
  });
});
