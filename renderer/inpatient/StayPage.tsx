import { useTranslation } from 'react-i18next';
import { daysInHospital } from '../../shared/clinical/discharge-paper';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { NoteDocument } from '../../shared/clinical/note-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { Permission } from '../../shared/staff/roles';
import type { Route } from '../app/route';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';
import { usePatient } from '../db/hooks';
import { VisitOrdersSection } from '../orders/VisitOrdersSection';
import { EncounterLostValues } from '../visits/EncounterLostValues';
import { PatientBanner } from '../visits/PatientBanner';
import { VitalsSection } from '../visits/VitalsSection';
import { DischargeSection } from './DischargeSection';
import { ReferralsSection } from '../referrals/ReferralsSection';
import { placeText, wardName } from './inpatient-format';
import type { ActiveStay, DepartmentEntry } from './inpatient-repository';
import { ProgressNotesSection } from './ProgressNotesSection';
import { TransferSection } from './TransferSection';
import { ClaimExportButton } from '../exports/ClaimExportButton';
import { useActiveStays, useStay, useStayLocation, useStayNotes, useWards } from './use-inpatient';
import '../visits/visits.css';
import './inpatient.css';

/**
 * One inpatient stay: the banner (ward, bed, days), vital signs, the daily progress notes, the
 * orders and results made during the stay (the visit's order flow, with the stay as the
 * encounter), moves, and the discharge. Each part is writable only while the stay is open and
 * for the permission it needs; a discharged stay is read only for everyone.
 */
export function StayPage({ id, navigate }: { id: string; navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { inpatient, patients, session } = useServices();
  const stay = useStay(id);
  const patient = usePatient(patients, stay?.patientId ?? '');
  const notes = useStayNotes(id);
  const wards = useWards();
  const stays = useActiveStays();
  if (stay === undefined || (stay && patient === undefined)) return null;
  if (stay === null || !patient) return <p className="page">{t('inpatient.stayNotFound')}</p>;
  return (
    <StayView
      stay={stay}
      patient={patient}
      notes={notes}
      wards={wards ?? []}
      stays={stays ?? []}
      today={inpatient.today()}
      can={(permission) => session.can(permission)}
      navigate={navigate}
    />
  );
}

interface StayViewProps {
  stay: EncounterDocument;
  patient: PatientDocument;
  notes: NoteDocument[];
  wards: DepartmentEntry[];
  stays: ActiveStay[];
  today: string;
  can: (permission: Permission) => boolean;
  navigate: (route: Route) => void;
}

function StayView({ stay, patient, notes, wards, stays, today, can, navigate }: StayViewProps) {
  const { t } = useTranslation();
  const location = useStayLocation(stay);
  const open = stay.status === 'in-progress';
  const discharged = stay.status === 'finished';
  const lastDay = discharged ? stay.finishedAt.slice(0, 10) || today : today;
  return (
    <section className="page visit stay" data-testid="StayPage" data-status={stay.status}>
      <PatientBanner patient={patient} today={today} />
      <div className="stay-banner" data-testid="stay-banner">
        <strong>{t('inpatient.stayTitle')}</strong>
        {stay.stay && <span>{t('inpatient.admittedAt', { time: formatDateTime(stay.stay.admittedAt) })}</span>}
        {discharged && <span>{t('inpatient.dischargedAt', { time: formatDateTime(stay.finishedAt) })}</span>}
        <span>{t('inpatient.daysInHospital', { count: daysInHospital(stay.queueDate, lastDay) })}</span>
        {location && (
          <span data-testid="current-bed">
            {t('inpatient.currentBed', {
              ward: wardName(wards, location.current.departmentCode),
              bed: location.current.bed,
            })}
          </span>
        )}
      </div>
      {location && location.concurrentMoves.length > 0 && (
        <p className="form-error" role="alert" data-testid="concurrent-moves">
          {t('inpatient.concurrentMoves', {
            count: location.concurrentMoves.length,
            places: location.concurrentMoves.map((record) => placeText(t, wards, record.transfer.to)).join('; '),
          })}
        </p>
      )}
      {discharged && (
        <p className="notice" data-testid="stay-read-only">
          {t('inpatient.readOnly')}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => navigate({ page: 'wards' })}>
          {t('inpatient.backToWards')}
        </button>
        <a href={`#/patients/${patient.id}/chart`}>{t('chart.title')}</a>
        <ClaimExportButton encounter={stay} />
      </div>
      <EncounterLostValues encounter={stay} />
      <VitalsSection encounter={stay} editable={open && can('encounter.write')} />
      <ProgressNotesSection stay={stay} notes={notes} editable={open && can('progress-note.write')} />
      <VisitOrdersSection encounter={stay} patient={patient} editable={open && can('encounter.write')} />
      {location && (
        <TransferSection
          stay={stay}
          location={location}
          wards={wards}
          stays={stays}
          editable={open && can('inpatient.transfer')}
        />
      )}
      <DischargeSection stay={stay} patient={patient} notes={notes} editable={open && can('inpatient.discharge')} />
      <ReferralsSection patientId={patient.id} {...(open ? { fromEncounterId: stay.id } : {})} />
    </section>
  );
}
