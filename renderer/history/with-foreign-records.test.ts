import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../chart/chart-timeline';
import { CREATININE, finishedVisit, labOrder, labResult, type Authorship } from '../../test/helpers/clinical-history';
import { withForeignRecords } from './with-foreign-records';

const here: Authorship = { facilityCode: '15001', deviceId: 'pc-1', staffId: 'doctor-1' };
const there: Authorship = { facilityCode: '10010', deviceId: 'pc-9', staffId: 'doctor-9' };

describe('a chart with records fetched from another facility', () => {
  const ownVisit = finishedVisit('patient-here', here, '2026-12-01');
  const foreignVisit = finishedVisit('patient-there', there, '2026-11-30');
  const foreignOrder = labOrder(foreignVisit, there, [[CREATININE.code, CREATININE.name]]);
  const foreignResult = labResult(foreignOrder, there, { ...CREATININE, value: 95 });
  const own = { encounters: [ownVisit], orders: [], observations: [] };
  const foreign = {
    documents: { encounters: [foreignVisit], orders: [foreignOrder], observations: [foreignResult] },
    facilities: new Map([['10010', 'Trung tâm Y tế khu vực Bát Xát']]),
    fetchedAt: '2026-12-03T08:00:00.000Z',
  };

  it('puts the other facility’s visits, with their results, in the timeline, each with its facility', () => {
    const timeline = buildTimeline(withForeignRecords(own, foreign) ?? own);
    expect(timeline.map((visit) => [visit.id, visit.facilityCode])).toEqual([
      [ownVisit.id, '15001'],
      [foreignVisit.id, '10010'],
    ]);
    expect(timeline[1]?.results.map((result) => result.id)).toEqual([foreignResult.id]);
  });

  it('keeps a record held here too once, the own copy', () => {
    const merged = withForeignRecords(own, {
      ...foreign,
      documents: { ...foreign.documents, encounters: [{ ...ownVisit, reason: 'other copy' }] },
    });
    expect(merged?.encounters).toEqual([ownVisit]);
  });

  it('leaves the chart as it is before any lookup', () => {
    const nothing = {
      documents: { encounters: [], orders: [], observations: [] },
      facilities: new Map(),
      fetchedAt: null,
    };
    expect(withForeignRecords(own, nothing)).toBe(own);
  });
});
