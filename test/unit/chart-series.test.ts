import { describe, expect, it } from 'vitest';
import { buildTrendSeries, repeatedSeries } from '../../renderer/chart/chart-series';
import { CREATININE, finishedVisit, GLUCOSE, labOrder, labResult, vitalsTaken } from '../helpers/clinical-history';

const doctor = { facilityCode: '10010', deviceId: 'pc-1', staffId: 'doctor' };
const lab = { facilityCode: '10010', deviceId: 'pc-2', staffId: 'lab' };

function glucoseOn(day: string, value: number, range: { low: number | null; high: number | null } = GLUCOSE) {
  const visit = finishedVisit('p1', doctor, day);
  return labResult(labOrder(visit, doctor, [[GLUCOSE.code, GLUCOSE.name]]), lab, { ...GLUCOSE, ...range, value });
}

describe('trend series', () => {
  it('groups numeric results by test code, oldest first, with the band of the latest result', () => {
    const march = glucoseOn('2026-03-02', 8.1, { low: 3.9, high: 6.1 });
    const january = glucoseOn('2026-01-02', 6.0, { low: 3.9, high: 6.1 });
    const may = glucoseOn('2026-05-02', 5.2);
    const creatinine = labResult(labOrder(finishedVisit('p1', doctor, '2026-05-02'), doctor, []), lab, {
      ...CREATININE,
      value: 90,
    });
    const hemolysed = glucoseOn('2026-04-02', 0);
    const text = { ...hemolysed, lab: hemolysed.lab && { ...hemolysed.lab, value: 'Tan máu', numericValue: null } };

    const series = buildTrendSeries([march, creatinine, may, text, january]);
    const glucose = series.find((candidate) => candidate.key === `lab:${GLUCOSE.code}`);
    expect(glucose?.label).toBe('Glucose máu');
    expect(glucose?.unit).toBe('mmol/L');
    expect(glucose?.lines[0]?.points.map((point) => [point.value, point.flag])).toEqual([
      [6.0, 'normal'],
      [8.1, 'high'],
      [5.2, 'normal'],
    ]);
    expect(glucose?.lines[0]?.band).toEqual({ low: 3.9, high: 6.4 });
    expect(repeatedSeries(series).map((candidate) => candidate.key)).toEqual([`lab:${GLUCOSE.code}`]);
  });

  it('charts blood pressure as two lines, each vital sign against its normal range, and BMI from weight and height', () => {
    const first = finishedVisit('p1', doctor, '2026-01-02');
    const second = finishedVisit('p1', doctor, '2026-02-02');
    const series = buildTrendSeries([
      vitalsTaken(second, doctor, { systolic: 150, diastolic: 95, pulse: 110, weightKg: 70, heightCm: 170 }),
      vitalsTaken(first, doctor, { systolic: 120, diastolic: 80, weightKg: 72 }),
    ]);
    const pressure = series.find((candidate) => candidate.key === 'vital:bloodPressure');
    expect(pressure?.lines.map((line) => [line.key, line.points.map((point) => point.value)])).toEqual([
      ['systolic', [120, 150]],
      ['diastolic', [80, 95]],
    ]);
    expect(pressure?.lines[0]?.band).toEqual({ low: 90, high: 139 });
    expect(pressure?.lines[0]?.points.map((point) => point.flag)).toEqual(['normal', 'high']);
    expect(series.find((candidate) => candidate.key === 'vital:pulse')?.lines[0]?.points).toHaveLength(1);
    expect(series.find((candidate) => candidate.key === 'vital:weightKg')?.lines[0]?.band).toBeNull();
    expect(series.find((candidate) => candidate.key === 'vital:bmi')?.lines[0]?.points[0]?.value).toBe(24.2);
    expect(series.find((candidate) => candidate.key === 'vital:temperature')).toBeUndefined();
    expect(repeatedSeries(series).map((candidate) => candidate.key)).toEqual(['vital:bloodPressure', 'vital:weightKg']);
  });
});
