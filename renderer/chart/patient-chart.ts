import { foldAllergies, type PatientAllergies } from './chart-allergies';
import type { ChartDocuments } from './chart-documents';
import { diagnosesOverTime, medicationsOf, type DiagnosisOverTime, type Medications } from './chart-history';
import { buildTrendSeries, type TrendSeries } from './chart-series';
import { buildTimeline, type TimelineVisit } from './chart-timeline';

/** The patient's chart as the page shows it, derived from their documents in linear passes. */
export interface PatientChart {
  timeline: TimelineVisit[];
  diagnoses: DiagnosisOverTime[];
  medications: Medications;
  series: TrendSeries[];
  allergies: PatientAllergies;
}

/** `today` (yyyy-MM-dd, the device's day) decides which medications are current. */
export function buildPatientChart(documents: ChartDocuments, today: string): PatientChart {
  const timeline = buildTimeline(documents);
  return {
    timeline,
    diagnoses: diagnosesOverTime(timeline),
    medications: medicationsOf(documents.orders, today),
    series: buildTrendSeries(documents.observations),
    allergies: foldAllergies(documents.observations),
  };
}
