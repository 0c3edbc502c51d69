import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VisitOrdersSection } from '../orders/VisitOrdersSection';
import { VisitPrescriptionSection } from '../prescriptions/VisitPrescriptionSection';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import { FormError } from '../app/FormError';
import { usePatient } from '../db/hooks';
import { CalledByOther } from './CalledByOther';
import type { EncounterResult } from './encounters-repository';
import { ConclusionSection } from './ConclusionSection';
import { ReferralsSection } from '../referrals/ReferralsSection';
import { DiagnosesSection } from './DiagnosesSection';
import { EncounterLostValues } from './EncounterLostValues';
import { NotesSection } from './NotesSection';
import { PatientBanner } from './PatientBanner';
import { EncounterSigning } from '../signing/EncounterSigning';
import { useEncounterVersions } from '../signing/use-signing';
import { useEncounter } from './use-visit';
import { problemMessage } from './visit-format';
import type { VisitSectionProps } from './visit-context';
import { VitalsSection } from './VitalsSection';
import { ClaimExportButton } from '../exports/ClaimExportButton';
import './visits.css';

/**
 * One visit: the patient banner, then vital signs, notes, diagnoses, orders, prescription and
 * the conclusion. Each section is writable only while the visit is open and only for the
 * permission it needs (a nurse: vitals and notes; a doctor: everything); a finished visit is
 * read only for everyone.
 */
export function VisitPage({ id, navigate }: { navigate: (route: Route) => void; id?: string }) {
  const { t } = useTranslation();
  const { encounters, patients, session } = useServices();
  const encounter = useEncounter(id ?? '');
  const patient = usePatient(patients, encounter?.patientId ?? '');
  const versions = useEncounterVersions(encounter?.patientId ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  if (encounter === undefined || (encounter && patient === undefined)) return null;
  if (encounter === null || patient === null || patient === undefined)
    return <p className="page">{t('visits.visitNotFound')}</p>;

  const open = encounter.status === 'in-progress' || encounter.status === 'waiting';
  const canWrite = session.can('encounter.write');
  const canDiagnose = session.can('diagnosis.write');
  // Orders, results and vital signs name the visit's original id; an amendment shows them too.
  const recorded = { ...encounter, id: versions?.originalIdOf(encounter.id) ?? encounter.id };
  const sectionProps: VisitSectionProps = {
    encounter: recorded,
    patient,
    editable: encounter.status === 'in-progress' && canWrite,
  };
  const examining = encounter.status === 'in-progress';
  const me = session.current.kind === 'active' ? session.current.user.id : '';
  const calledByOther = examining && encounter.doctorId !== '' && encounter.doctorId !== me;
  // Calling in or cancelling: a refusal or a failed write is said here, never lost.
  const act = async (action: () => Promise<EncounterResult>): Promise<void> => {
    try {
      const result = await action();
      setFailure(result.ok ? null : result.problems.map((problem) => problemMessage(t, problem)).join(' '));
    } catch (error) {
      setFailure(t('visits.saveFailed', { message: String(error) }));
    }
  };

  return (
    <section className="page visit" data-testid="VisitPage" data-status={encounter.status}>
      <PatientBanner patient={patient} today={encounters.today()} />
      <p className="notice" data-testid="visit-status">
        {encounter.queueNumber} · {t(`visits.status_${encounter.status}`)}
        {encounter.status === 'finished' && ` · ${t('visits.readOnly')}`}
      </p>
      <div className="actions">
        <button type="button" onClick={() => navigate({ page: 'queue' })}>
          {t('visits.backToQueue')}
        </button>
        {encounter.status === 'waiting' && canDiagnose && (
          <button
            type="button"
            data-testid="call-patient"
            onClick={() => void act(() => encounters.call(encounter.id))}
          >
            {t('visits.callPatient')}
          </button>
        )}
        {encounter.status === 'waiting' && session.can('visit.queue') && (
          <button type="button" onClick={() => void act(() => encounters.cancel(encounter.id))}>
            {t('visits.cancelVisit')}
          </button>
        )}
        <ClaimExportButton encounter={encounter} />
      </div>
      <FormError message={failure} testId="visit-action-failed" />
      {calledByOther && <CalledByOther encounter={encounter} canTakeOver={canDiagnose} />}
      <EncounterLostValues encounter={encounter} />
      <VitalsSection encounter={recorded} editable={open && canWrite} />
      <NotesSection key={encounter.id} encounter={encounter} editable={open && canWrite} />
      <DiagnosesSection encounter={encounter} patient={patient} editable={examining && canDiagnose} />
      <VisitOrdersSection {...sectionProps} />
      <VisitPrescriptionSection {...sectionProps} />
      <ConclusionSection
        key={`${encounter.id}-${encounter.status}`}
        encounter={encounter}
        editable={examining && canWrite && canDiagnose}
      />
      <ReferralsSection
        patientId={patient.id}
        {...(encounter.status === 'finished' && encounter.disposition === 'refer'
          ? { fromEncounterId: encounter.id }
          : {})}
      />
      {versions && <EncounterSigning encounter={encounter} versions={versions} navigate={navigate} />}
    </section>
  );
}
