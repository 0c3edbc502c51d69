import { describe, expect, it } from 'vitest';
import { encounterProblems, observationProblems, orderProblems } from '../../shared/clinical/clinical-problems';
import { buildTimeline } from '../../renderer/chart/chart-timeline';
import { diagnosesOverTime, medicationsOf } from '../../renderer/chart/chart-history';
import { buildPatientChart } from '../../renderer/chart/patient-chart';
import {
  AMLODIPIN,
  finishedVisit,
  followedPatientHistory,
  GLUCOSE,
  labOrder,
  labResult,
  METFORMIN,
  prescription,
  vitalsTaken,
} from '../helpers/clinical-history';

const doctor = { facilityCode: '10010', deviceId: 'pc-1', staffId: 'doctor' };
const lab = { facilityCode: '10010', deviceId: 'pc-2', staffId: 'lab' };

describe('the timeline of a patient', () => {
  it('puts the newest visit first, each with its own vitals, results and prescriptions', () => {
    const older = finishedVisit('p1', doctor, '2026-03-02');
    const newer = finishedVisit('p1', doctor, '2026-05-02', { disposition: 'home' });
    const tests = labOrder(older, doctor, [[GLUCOSE.code, GLUCOSE.name]]);
    // The result names no visit of its own: it is found through its order.
    const glucose = { ...labResult(tests, lab, { ...GLUCOSE, value: 7.2 }), encounterId: '' };
    const vitals = vitalsTaken(newer, doctor, { systolic: 150, diastolic: 95 });
    const drugs = prescription(newer, doctor, [AMLODIPIN]);

    const timeline = buildTimeline({
      encounters: [older, newer],
      orders: [drugs, tests],
      observations: [glucose, vitals],
    });

    expect(timeline.map((visit) => visit.id)).toEqual([newer.id, older.id]);
    const [first, second] = timeline;
    expect(first?.disposition).toBe('home');
    expect(first?.vitals.map((taken) => taken.vitals.systolic)).toEqual([150]);
    expect(first?.vitals[0]?.abnormal).toEqual({ systolic: 'high', diastolic: 'high' });
    expect(first?.prescriptions.map((order) => order.id)).toEqual([drugs.id]);
    expect(first?.results).toEqual([]);
    expect(second?.results.map((result) => [result.lab.testCode, result.lab.flag])).toEqual([[GLUCOSE.code, 'high']]);
    expect(second?.testOrders.map((order) => order.id)).toEqual([tests.id]);
  });

  it('orders two visits of one day by when they were queued, and leaves out what names an unknown visit', () => {
    const morning = finishedVisit('p1', doctor, '2026-05-02');
    const afternoon = {
      ...finishedVisit('p1', doctor, '2026-05-02'),
      queuedAt: new Date('2026-05-02T14:00:00').toISOString(),
    };
    const stray = vitalsTaken(finishedVisit('p1', doctor, '2026-05-03'), doctor, { pulse: 80 });
    const timeline = buildTimeline({ encounters: [morning, afternoon], orders: [], observations: [stray] });
    expect(timeline.map((visit) => visit.id)).toEqual([afternoon.id, morning.id]);
    expect(timeline.flatMap((visit) => visit.vitals)).toEqual([]);
  });

  it('lists each diagnosis once, with its first and last day, skipping cancelled visits', () => {
    const first = finishedVisit('p1', doctor, '2025-01-10', {
      diagnoses: [{ code: 'E11', name: 'Đái tháo đường type 2', primary: true }],
    });
    const second = finishedVisit('p1', doctor, '2025-06-10');
    const third = finishedVisit('p1', doctor, '2026-01-10', {
      diagnoses: [
        { code: 'I10', name: 'Tăng huyết áp', primary: true },
        { code: 'E11', name: 'Đái tháo đường type 2', primary: false },
      ],
    });
    const cancelled = finishedVisit('p1', doctor, '2026-02-10', {
      status: 'cancelled',
      diagnoses: [{ code: 'J18.9', name: 'Viêm phổi', primary: true }],
    });
    const timeline = buildTimeline({ encounters: [first, second, third, cancelled], orders: [], observations: [] });
    expect(diagnosesOverTime(timeline)).toEqual([
      { code: 'I10', name: 'Tăng huyết áp', firstDate: '2025-06-10', lastDate: '2026-01-10', visits: 2, primary: true },
      {
        code: 'E11',
        name: 'Đái tháo đường type 2',
        firstDate: '2025-01-10',
        lastDate: '2026-01-10',
        visits: 2,
        primary: false,
      },
    ]);
  });
});

describe('current and past medications', () => {
  const visit = finishedVisit('p1', doctor, '2026-05-02');

  it('counts the day of prescription as the first of its days, and a cancelled prescription not at all', () => {
    const shortCourse = { ...METFORMIN, days: 5 };
    const orders = [
      prescription(visit, doctor, [AMLODIPIN, shortCourse]),
      prescription(visit, doctor, [METFORMIN], { status: 'cancelled' }),
    ];
    const onDay5 = medicationsOf(orders, '2026-05-06');
    expect(onDay5.current.map((line) => [line.name, line.startDate, line.endDate])).toEqual([
      ['Amlodipin', '2026-05-02', '2026-05-31'],
      ['Metformin hydroclorid', '2026-05-02', '2026-05-06'],
    ]);
    expect(onDay5.past).toEqual([]);
    const onDay6 = medicationsOf(orders, '2026-05-07');
    expect(onDay6.current.map((line) => line.name)).toEqual(['Amlodipin']);
    expect(onDay6.past.map((line) => line.name)).toEqual(['Metformin hydroclorid']);
  });
});

describe('the whole chart', () => {
  it('is derived from 200 visits in linear passes, fast enough to rebuild on every change', () => {
    const history = followedPatientHistory('p1', doctor, lab, 200);
    const started = performance.now();
    const chart = buildPatientChart(history, '2030-01-01');
    const elapsed = performance.now() - started;
    expect(chart.timeline).toHaveLength(200);
    expect(chart.timeline[0]?.queueDate).toBe('2026-08-04');
    expect(chart.timeline[199]?.queueDate).toBe('2010-01-04');
    expect(chart.timeline.every((visit) => visit.results.length === 2 && visit.vitals.length === 1)).toBe(true);
    expect(chart.diagnoses.map((diagnosis) => [diagnosis.code, diagnosis.visits])).toEqual([
      ['I10', 200],
      ['E11', 100],
    ]);
    expect(chart.medications.current).toEqual([]);
    expect(chart.medications.past).toHaveLength(400);
    // A generous bound on a shared CI machine; the benchmark measures it properly.
    expect(elapsed).toBeLessThan(100);
  });
});

describe('the history fixture the chart tests and benchmark use', () => {
  it('holds documents the server would accept', () => {
    const history = followedPatientHistory('p1', doctor, lab, 3);
    expect(history.encounters.flatMap(encounterProblems)).toEqual([]);
    expect(history.orders.flatMap(orderProblems)).toEqual([]);
    expect(history.observations.flatMap(observationProblems)).toEqual([]);
  });
});
