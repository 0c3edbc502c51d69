import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../renderer/catalog/catalog-repository';
import { EncountersRepository } from '../../renderer/visits/encounters-repository';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { expectTextContaining } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestClient } from '../helpers/test-client';
import { waitFor } from '../helpers/wait-for';

describe('a visit another person has called in', () => {
  const facility = facilityInBrowsers();
  let otherPc: TestClient;
  let catalog: CatalogRepository;
  let visits: EncountersRepository;

  beforeEach(async () => {
    const server = facility.server();
    otherPc = await TestClient.open(server.url, await server.enroll('phòng khám 2'));
    catalog = new CatalogRepository(otherPc.database);
    const device = { deviceId: otherPc.enrollment.deviceId, facilityCode: otherPc.enrollment.facility.code };
    visits = new EncountersRepository(otherPc.database, otherPc.writer, device, catalog);
  });
  afterEach(async () => {
    catalog.close();
    await otherPc.close();
  });

  const stored = async (id: string): Promise<EncounterDocument | undefined> =>
    (
      await facility.server().database.query<{
        body: EncounterDocument;
      }>(`SELECT body FROM sync_documents WHERE collection = 'encounters' AND id = $1`, [id])
    )[0]?.body;

  it('tells the doctor who called it and when, and takes it over only when asked', async () => {
    // Queued and called in on another PC (by the nurse: the demo facility has one doctor).
    const registered = await otherPc.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('not registered');
    await otherPc.actAs(DEMO_STAFF.registrar.id);
    const queued = await visits.queue(registered.patient, 'KKB', 'KKB');
    if (!queued.ok) throw new Error('not queued');
    await otherPc.goOnline();
    await waitFor(async () => (await stored(queued.encounter.id)) !== undefined, 'the server has the visit');
    await otherPc.actAs(DEMO_STAFF.nurse.id);
    expect((await visits.call(queued.encounter.id)).ok).toBe(true);
    await waitFor(async () => (await stored(queued.encounter.id))?.status === 'in-progress', 'the call is sent');

    const doctor = await facility.openPc('bacsi');
    await doctor.goto(`${facility.clientUrl()}/#/visits/${queued.encounter.id}`);
    await expectTextContaining(doctor.getByTestId('called-by-other'), 'đã được ĐD. Vàng Thị Mai gọi vào khám lúc');
    doctor.once('dialog', (dialog) => void dialog.accept());
    await doctor.getByTestId('take-over').click();
    await expect.poll(() => doctor.getByTestId('called-by-other').count()).toBe(0);
    await waitFor(
      async () => (await stored(queued.encounter.id))?.doctorId === DEMO_STAFF.doctor.id,
      'the server records the take-over',
    );
  });
});
