import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../renderer/chart/chart-timeline';
import {
  AMLODIPIN,
  finishedVisit,
  GLUCOSE,
  labOrder,
  labResult,
  prescription,
  vitalsTaken,
} from '../helpers/clinical-history';

const doctor = { facilityCode: '10010', deviceId: 'pc-1', staffId: 'doctor' };
const lab = { facilityCode: '10010', deviceId: 'pc-2', staffId: 'lab' };
const signed = { signedBy: 'doctor', signedAt: '2026-03-02T09:00:00.000Z' };

describe('an amended visit on the timeline', () => {
  it('is one entry, the version in force, with what named the original and the old version inside', () => {
    const original = finishedVisit('p1', doctor, '2026-03-02', signed);
    const amendment = finishedVisit('p1', doctor, '2026-03-02', {
      advice: 'Tái khám sau 2 tuần',
      supersedes: original.id,
      amendmentReason: 'Ghi nhầm hẹn tái khám',
      signedBy: 'doctor',
      signedAt: '2026-03-03T09:00:00.000Z',
    });
    const tests = labOrder(original, doctor, [[GLUCOSE.code, GLUCOSE.name]]);
    const glucose = { ...labResult(tests, lab, { ...GLUCOSE, value: 7.2 }), encounterId: '' };
    const drugs = prescription(original, doctor, [AMLODIPIN]);
    const vitals = vitalsTaken(original, doctor, { systolic: 150, diastolic: 95 });

    const timeline = buildTimeline({
      encounters: [original, amendment],
      orders: [tests, drugs],
      observations: [glucose, vitals],
    });

    expect(timeline.map((visit) => visit.id)).toEqual([amendment.id]);
    const [visit] = timeline;
    expect(visit?.advice).toBe('Tái khám sau 2 tuần');
    expect(visit?.supersededVersions.map((version) => version.id)).toEqual([original.id]);
    expect(visit?.prescriptions.map((order) => order.id)).toEqual([drugs.id]);
    expect(visit?.testOrders.map((order) => order.id)).toEqual([tests.id]);
    expect(visit?.results.map((result) => result.id)).toEqual([glucose.id]);
    expect(visit?.vitals.map((entry) => entry.id)).toEqual([vitals.id]);
  });
});
