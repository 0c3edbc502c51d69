import type { SignatureCheck } from '../../shared/clinical/signed-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { AllergiesBlock, type AllergyActions } from './AllergiesBlock';
import { ChartBanner } from './ChartBanner';
import { DiagnosesBlock, MedicationsBlock } from './ChartHistory';
import { ChartTimeline } from './ChartTimeline';
import { repeatedSeries } from './chart-series';
import type { PatientChart } from './patient-chart';
import { TrendChart } from './TrendChart';

/**
 * The chart of one patient, drawn from its derived form: the page feeds it from the database,
 * the benchmark from generated documents.
 */
export function ChartView({
  patient,
  chart,
  allergyActions,
  signatures,
  foreignFacilities,
  mergedRecords,
}: {
  patient: PatientDocument;
  chart: PatientChart;
  allergyActions: AllergyActions | null;
  /** How each visit's signature stands on this PC, by document id (none: not checked). */
  signatures?: ReadonlyMap<string, SignatureCheck>;
  /** Names of the other facilities whose records are merged into the chart, by code */
  foreignFacilities?: ReadonlyMap<string, string>;
  /** Patient codes of the records merged into this one at the province, by patient id */
  mergedRecords?: ReadonlyMap<string, string>;
}) {
  return (
    <div className="chart-view" data-testid="chart-view">
      <ChartBanner patient={patient} allergies={chart.allergies.active} />
      <div className="chart-columns">
        <div className="chart-main">
          <TrendChart series={repeatedSeries(chart.series)} />
          <ChartTimeline
            timeline={chart.timeline}
            signatures={signatures}
            foreignFacilities={foreignFacilities}
            mergedRecords={mergedRecords}
          />
        </div>
        <aside className="chart-side">
          <AllergiesBlock allergies={chart.allergies} actions={allergyActions} />
          <DiagnosesBlock diagnoses={chart.diagnoses} />
          <MedicationsBlock medications={chart.medications} />
        </aside>
      </div>
    </div>
  );
}
