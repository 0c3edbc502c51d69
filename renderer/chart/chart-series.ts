import type { ObservationDocument, ResultFlag, VitalSigns } from '../../shared/clinical/observation-document';
import { bodyMassIndex, VITAL_RANGES, type VitalSign } from '../../shared/clinical/vital-signs';

export interface TrendPoint {
  at: string;
  value: number;
  flag: ResultFlag;
}

export interface ReferenceBand {
  low: number | null;
  high: number | null;
}

/** One measured quantity over time, oldest first. */
export interface TrendLine {
  /** The vital sign or the lab test code */
  key: string;
  points: TrendPoint[];
  band: ReferenceBand | null;
}

/**
 * What a trend chart draws: a lab test (by code) or a vital sign; blood pressure is one chart of
 * two lines. `label` is the test's name, or the vital sign's key for the page to translate.
 */
export interface TrendSeries {
  key: string;
  source: 'lab' | 'vital';
  label: string;
  unit: string;
  lines: TrendLine[];
}

/** The vital signs charted, each alone but systolic and diastolic together. */
const VITAL_CHARTS: readonly { key: string; signs: readonly (VitalSign | 'bmi')[]; unit: string }[] = [
  { key: 'vital:bloodPressure', signs: ['systolic', 'diastolic'], unit: 'mmHg' },
  { key: 'vital:pulse', signs: ['pulse'], unit: 'l/ph' },
  { key: 'vital:temperature', signs: ['temperature'], unit: '°C' },
  { key: 'vital:respiratoryRate', signs: ['respiratoryRate'], unit: 'l/ph' },
  { key: 'vital:spo2', signs: ['spo2'], unit: '%' },
  { key: 'vital:weightKg', signs: ['weightKg'], unit: 'kg' },
  { key: 'vital:bmi', signs: ['bmi'], unit: 'kg/m²' },
];

/** Weight and height have no "normal" band for everyone; BMI's adult band is 18.5–23 (WHO Asia). */
function vitalBand(sign: VitalSign | 'bmi'): ReferenceBand | null {
  if (sign === 'bmi') return { low: 18.5, high: 22.9 };
  if (sign === 'weightKg' || sign === 'heightCm') return null;
  const [low, high] = VITAL_RANGES[sign].normal;
  return { low, high };
}

function vitalValue(vitals: VitalSigns, sign: VitalSign | 'bmi'): number | null {
  return sign === 'bmi' ? bodyMassIndex(vitals) : vitals[sign];
}

function vitalFlag(value: number, band: ReferenceBand | null): ResultFlag {
  if (!band) return '';
  if (band.low !== null && value < band.low) return 'low';
  if (band.high !== null && value > band.high) return 'high';
  return 'normal';
}

const byRecordedAt = (a: ObservationDocument, b: ObservationDocument): number =>
  a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0;

/**
 * Numeric series for trends: lab results grouped by test code (text results such as "Âm tính"
 * have no place on a chart) and the vital signs. A lab test's band is the reference range of its
 * latest result (the range that applied to the patient, as recorded with it). Series with the
 * most points come first; one pass over the observations after sorting them once.
 */
export function buildTrendSeries(observations: readonly ObservationDocument[]): TrendSeries[] {
  const sorted = [...observations].sort(byRecordedAt);
  const lab = new Map<string, TrendSeries>();
  const vitalPoints = new Map<string, TrendPoint[]>();
  for (const observation of sorted) {
    if (observation.kind === 'lab-result' && observation.lab && observation.lab.numericValue !== null) {
      const result = observation.lab;
      const key = `lab:${result.testCode}`;
      let series = lab.get(key);
      if (!series) {
        series = { key, source: 'lab', label: result.testName, unit: result.unit, lines: [] };
        series.lines.push({ key: result.testCode, points: [], band: null });
        lab.set(key, series);
      }
      const [line] = series.lines;
      if (!line) continue;
      line.points.push({ at: observation.recordedAt, value: result.numericValue ?? 0, flag: result.flag });
      series.label = result.testName;
      series.unit = result.unit || series.unit;
      line.band =
        result.referenceLow === null && result.referenceHigh === null
          ? null
          : { low: result.referenceLow, high: result.referenceHigh };
    } else if (observation.kind === 'vital-signs' && observation.vitals) {
      for (const chart of VITAL_CHARTS) {
        for (const sign of chart.signs) {
          const value = vitalValue(observation.vitals, sign);
          if (value === null) continue;
          const points = vitalPoints.get(sign) ?? [];
          points.push({ at: observation.recordedAt, value, flag: vitalFlag(value, vitalBand(sign)) });
          vitalPoints.set(sign, points);
        }
      }
    }
  }
  const vitals: TrendSeries[] = [];
  for (const chart of VITAL_CHARTS) {
    const lines = chart.signs.flatMap((sign) => {
      const points = vitalPoints.get(sign);
      return points ? [{ key: sign, points, band: vitalBand(sign) }] : [];
    });
    if (lines.length > 0) vitals.push({ key: chart.key, source: 'vital', label: chart.key, unit: chart.unit, lines });
  }
  const pointCount = (series: TrendSeries): number => Math.max(...series.lines.map((line) => line.points.length));
  return [...vitals, ...lab.values()].sort((a, b) => pointCount(b) - pointCount(a));
}

/** The series worth a chart: measured at least twice. */
export function repeatedSeries(series: readonly TrendSeries[]): TrendSeries[] {
  return series.filter((candidate) => candidate.lines.some((line) => line.points.length >= 2));
}
