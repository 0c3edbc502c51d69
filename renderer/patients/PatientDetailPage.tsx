import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { temporaryCode } from '../../shared/identity/temporary-code';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import { usePatient } from '../db/hooks';
import { addressLine } from '../../shared/patient/patient-address';
import { ethnicityName, formatDateTime, fullName } from '../app/format';
import { LostValues } from '../sync/LostValues';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import { PatientAuditReference } from '../audit/PatientAuditReference';
import { useChartOpenAudit } from '../audit/use-chart-audit';
import { SendToRoom } from '../visits/SendToRoom';
import { birthDateWithAge, guardianLine } from './patient-format';
import { MergedRecordNote, useMergedAliases } from './MergedRecordNote';

export function PatientDetailPage({ id, navigate }: { id: string; navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { patients, session } = useServices();
  const record = usePatient(patients, id);
  // A record merged into another at the province opens the primary, with a note saying so.
  const primary = usePatient(patients, record?.mergedInto ?? id);
  const via = record?.mergedInto !== undefined && primary ? record : null;
  const patient = via ? primary : record;
  const shownId = patient?.id ?? id;
  const aliases = useMergedAliases(patients, patient);
  useChartOpenAudit(id);
  const mayReadChart = session.can('clinical.read');
  useEffect(() => {
    if (!mayReadChart) return;
    // F4 opens the medical record: the step a clinician takes after finding the patient.
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'F4' || session.current.kind !== 'active') return;
      event.preventDefault();
      navigate({ page: 'chart', id: shownId });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mayReadChart, session, navigate, shownId]);
  if (patient === undefined) return null;
  if (patient === null) return <p className="page">{t('detail.notFound')}</p>;

  // A newborn registered without a CCCD is known by a temporary code until they get one.
  const newbornCode = temporaryCode(patient);
  const newbornRow: [string, string][] =
    newbornCode === null ? [] : [[t('patient.temporaryCode'), `${newbornCode} (${t('patient.temporaryCodeNote')})`]];
  const rows: [string, string][] = [
    [t('patient.code'), displayPatientCode(patient.patientCode)],
    [t('patient.dateOfBirth'), birthDateWithAge(t, patient.dateOfBirth)],
    [t('patient.sex'), t(`patient.${patient.sex}`)],
    [t('patient.cccd'), patient.cccd],
    ...newbornRow,
    [t('patient.bhyt'), patient.bhyt ? `${patient.bhyt} (${t('patient.bhytUnverified')})` : ''],
    [t('patient.phone'), patient.phone],
    ...(patient.guardian ? [[t('patient.guardian'), guardianLine(t, patient.guardian)] as [string, string]] : []),
    [t('patient.address'), addressLine(patient)],
    [t('patient.ethnicity'), ethnicityName(patient.ethnicityCode)],
    [t('patient.registeredAt'), formatDateTime(patient.createdAt)],
  ];
  return (
    <section className="page detail">
      <h1 data-testid="patient-name">{fullName(patient)}</h1>
      <MergedRecordNote via={via} patient={patient} aliases={aliases} />
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
      {session.can('audit.read') && <PatientAuditReference patient={patient} />}
      <LostValues patientId={shownId} />
      {session.can('visit.queue') && patient.mergedInto === undefined && <SendToRoom patient={patient} />}
      <div className="actions">
        <button type="button" onClick={() => navigate({ page: 'list' })}>
          {t('detail.back')}
        </button>
        {mayReadChart && (
          <button
            type="button"
            onClick={() => navigate({ page: 'chart', id: shownId })}
            data-testid="open-chart"
            title="F4"
          >
            {t('chart.open')}
          </button>
        )}
        {session.can('patient.edit') && (
          <button type="button" onClick={() => navigate({ page: 'edit', id: shownId })} data-testid="edit-patient">
            {t('detail.edit')}
          </button>
        )}
        {session.can('patient.register') && (
          <button type="button" onClick={() => navigate({ page: 'register' })}>
            {t('detail.registerAnother')}
          </button>
        )}
      </div>
    </section>
  );
}
