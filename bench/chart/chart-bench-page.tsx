/// <reference types="vite/client" />
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ChartRepository } from '../../renderer/chart/chart-repository';
import { ChartView } from '../../renderer/chart/ChartView';
import { buildPatientChart } from '../../renderer/chart/patient-chart';
import { createSenDatabase } from '../../renderer/db/create-database';
import { newDatabaseKey } from '../../renderer/db/database-secrets';
import { initI18n } from '../../renderer/i18n/i18n';
import '../../renderer/chart/chart.css';
import { newPatientCode } from '../../shared/identifiers/patient-code';
import { buildPatientFromForm } from '../../shared/patient/registration-form';
import { UNSIGNED_SYNC_META } from '../../shared/sync/sync-meta';
import { followedPatientHistory } from '../../test/helpers/clinical-history';
import { validRegistrationForm } from '../../test/helpers/patient-forms';

export interface ChartOpening {
  /** Reading the patient's documents from the sealed database (three index queries) */
  readMs: number;
  /** Deriving the chart from them */
  deriveMs: number;
  /** React rendering the chart into the page, committed to the DOM */
  renderMs: number;
  totalMs: number;
  visitsShown: number;
}

const FACILITY = '10010';

/**
 * What bench/chart-render.ts calls in headless Chromium: a patient with `visits` visits stored
 * in the real (sealed, Dexie on IndexedDB) database, then the chart opened `rounds` times: read,
 * derived, rendered and committed, unmounted between openings.
 */
async function measureChartOpenings(visits: number, rounds: number): Promise<ChartOpening[]> {
  await initI18n();
  const doctor = { facilityCode: FACILITY, deviceId: 'bench-pc', staffId: 'doctor' };
  const lab = { facilityCode: FACILITY, deviceId: 'bench-pc', staffId: 'lab' };
  const built = buildPatientFromForm(validRegistrationForm(), {
    id: crypto.randomUUID(),
    patientCode: newPatientCode(FACILITY, (length) => crypto.getRandomValues(new Uint8Array(length))),
    facilityCode: FACILITY,
    deviceId: 'bench-pc',
    userId: 'registrar',
    now: new Date().toISOString(),
  });
  if (!built.ok) throw new Error('the bench patient is invalid');
  const patient = built.patient;
  const history = followedPatientHistory(patient.id, doctor, lab, visits);
  const database = await createSenDatabase({
    name: `bench-chart-${crypto.randomUUID()}`,
    databaseKey: newDatabaseKey(),
  });
  const stored = <T extends object>(documents: T[]) =>
    documents.map((document) => ({ ...document, syncMeta: UNSIGNED_SYNC_META }));
  await database.encounters.bulkInsert(stored(history.encounters));
  await database.orders.bulkInsert(stored(history.orders));
  await database.observations.bulkInsert(stored(history.observations));

  const container = document.getElementById('root');
  if (!container) throw new Error('no #root');
  const openings: ChartOpening[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // A new repository each time: no state kept from the previous opening but RxDB's own.
    const repository = new ChartRepository(database);
    const root = createRoot(container);
    const started = performance.now();
    const documents = await repository.load(patient.id);
    const read = performance.now();
    const chart = buildPatientChart(documents, '2030-01-01');
    const derived = performance.now();
    flushSync(() => root.render(<ChartView patient={patient} chart={chart} allergyActions={null} />));
    const rendered = performance.now();
    openings.push({
      readMs: read - started,
      deriveMs: derived - read,
      renderMs: rendered - derived,
      totalMs: rendered - started,
      visitsShown: container.querySelectorAll('.timeline-toggle').length,
    });
    root.unmount();
    // Let the browser settle (layout, garbage) between openings, as between two clicks.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await database.remove();
  return openings;
}

declare global {
  interface Window {
    senChartBench: { measureChartOpenings: typeof measureChartOpenings };
  }
}

window.senChartBench = { measureChartOpenings };
