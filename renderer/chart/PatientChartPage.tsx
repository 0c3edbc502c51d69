import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import { useChartOpenAudit } from '../audit/use-chart-audit';
import { usePatient } from '../db/hooks';
import type { AllergyActions } from './AllergiesBlock';
import { ChartView } from './ChartView';
import { useChartDocuments, usePatientChart } from './use-patient-chart';
import { useSignatureChecks } from '../signing/use-signing';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { ForeignHistoryAction } from '../history/ForeignHistoryAction';
import { useForeignHistory } from '../history/use-foreign-history';
import { withForeignRecords } from '../history/with-foreign-records';
import { ReferralsSection } from '../referrals/ReferralsSection';
import { RecordExportActions } from '../exports/RecordExportActions';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import { MergedRecordNote, useMergedAliases } from '../patients/MergedRecordNote';
import './chart.css';

const NO_ENCOUNTERS: readonly EncounterDocument[] = [];

/** `#/patients/<id>/chart`: the patient's whole record on this PC, opening audited. */
export function PatientChartPage({ id, navigate }: { navigate: (route: Route) => void; id: string }) {
  const { t } = useTranslation();
  const { patients, chart: chartRepository, allergies, session, history: foreignRepository } = useServices();
  useChartOpenAudit(id);
  const record = usePatient(patients, id);
  // An alias's chart is its primary's; the primary's joins the records merged into it.
  const primary = usePatient(patients, record?.mergedInto ?? id);
  const via = record?.mergedInto !== undefined && primary ? record : null;
  const patient = via ? primary : record;
  const aliases = useMergedAliases(patients, patient);
  const chartId = patient?.id ?? id;
  const patientIds = useMemo(() => [chartId, ...aliases.map((alias) => alias.id)], [chartId, aliases]);
  const mergedRecords = useMemo(
    () => new Map(aliases.map((alias) => [alias.id, displayPatientCode(alias.patientCode)])),
    [aliases],
  );
  const ownDocuments = useChartDocuments(chartRepository, patientIds);
  const foreign = useForeignHistory(foreignRepository, id);
  // The patient's visits at other facilities (fetched from the province) join the timeline.
  const documents = useMemo(() => withForeignRecords(ownDocuments, foreign.history), [ownDocuments, foreign.history]);
  const chart = usePatientChart(documents);
  const signatures = useSignatureChecks('encounters', ownDocuments?.encounters ?? NO_ENCOUNTERS);
  const mayWrite = session.can('encounter.write');
  const allergyActions = useMemo<AllergyActions | null>(
    () =>
      mayWrite
        ? {
            record: (input) => allergies.record(chartId, input),
            deactivate: (allergyId, reason) => allergies.deactivate(allergyId, reason),
          }
        : null,
    [mayWrite, allergies, chartId],
  );

  if (patient === null) return <p className="page">{t('detail.notFound')}</p>;
  return (
    <section className="page chart" data-testid="PatientChartPage" aria-label={t('chart.title')}>
      <div className="actions">
        <button type="button" onClick={() => navigate({ page: 'patient', id: chartId })}>
          {t('chart.back')}
        </button>
      </div>
      {patient && <MergedRecordNote via={via} patient={patient} aliases={aliases} />}
      <RecordExportActions patientId={id} />
      {patient && session.can('clinical.read') && (
        <ForeignHistoryAction patient={patient} history={foreign.history} onFetched={foreign.reload} />
      )}
      {patient === undefined || chart === undefined ? (
        <p>{t('chart.loading')}</p>
      ) : (
        <ChartView
          patient={patient}
          chart={chart}
          allergyActions={allergyActions}
          signatures={signatures}
          foreignFacilities={foreign.history?.facilities}
          mergedRecords={mergedRecords}
        />
      )}
      <ReferralsSection patientId={id} />
    </section>
  );
}
