import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { formatDisplayDate } from '../../shared/text/dates';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import { usePatient } from '../db/hooks';
import { PatientBanner } from '../visits/PatientBanner';
import { useEncounter } from '../visits/use-visit';
import { departmentBoard, freeBeds } from './bed-board';
import { BedChoice } from './BedChoice';
import { DiagnosisPicker, type NamedChoice } from './DiagnosisPicker';
import { inpatientProblem } from './inpatient-format';
import type { ActiveStay, DepartmentEntry } from './inpatient-repository';
import { useActiveStays, useStayFromVisit, useWards } from './use-inpatient';
import './inpatient.css';

/**
 * Admission from a visit concluded "admit": ward, bed and admitting diagnoses, prefilled from the
 * visit (its department when that is a ward, its first free bed, its diagnoses). Enter admits.
 */
export function AdmissionPage({ visitId, navigate }: { visitId: string; navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { inpatient, patients } = useServices();
  const visit = useEncounter(visitId);
  const patient = usePatient(patients, visit?.patientId ?? '');
  const wards = useWards();
  const stays = useActiveStays();
  const existing = useStayFromVisit(visitId, visit?.updatedAt ?? '');
  const today = inpatient.today();

  if (visit === undefined || (visit && patient === undefined)) return null;
  if (visit === null || !patient) return <p className="page">{t('inpatient.problem-visit-not-found')}</p>;

  return (
    <section className="page inpatient admission" data-testid="AdmissionPage">
      <PatientBanner patient={patient} today={today} />
      <h2>{t('inpatient.admitFromVisit', { date: formatDisplayDate(visit.queueDate) })}</h2>
      {existing && (
        <p className="notice">
          <a href={`#/stays/${existing.id}`} data-testid="existing-stay">
            {t('inpatient.openStay')}
          </a>
        </p>
      )}
      {visit.disposition !== 'admit' && <p className="form-error">{t('inpatient.visitNotAdmit')}</p>}
      {existing === null && visit.disposition === 'admit' && wards && wards.length > 0 && stays && (
        <AdmissionForm
          visit={visit}
          patient={patient}
          wards={wards}
          stays={stays}
          today={today}
          onAdmitted={(stayId) => navigate({ page: 'stay', id: stayId })}
        />
      )}
      {wards?.length === 0 && <p className="notice">{t('inpatient.noWards')}</p>}
    </section>
  );
}

function AdmissionForm({
  visit,
  patient,
  wards,
  stays,
  today,
  onAdmitted,
}: {
  visit: EncounterDocument;
  patient: PatientDocument;
  wards: DepartmentEntry[];
  stays: ActiveStay[];
  today: string;
  onAdmitted: (stayId: string) => void;
}) {
  const { t } = useTranslation();
  const { inpatient } = useServices();
  // Prefilled once from what was known when the form opened; the doctor changes what differs.
  const [initialWard] = useState(() => wards.find((ward) => ward.code === visit.departmentCode) ?? wards[0]);
  const [departmentCode, setDepartmentCode] = useState(initialWard?.code ?? '');
  const [bed, setBed] = useState(() =>
    initialWard
      ? (freeBeds(departmentBoard(initialWard.code, initialWard.details.beds ?? 0, stays, today))[0] ?? '')
      : '',
  );
  const [diagnoses, setDiagnoses] = useState<NamedChoice[]>(() =>
    visit.diagnoses.map((diagnosis) => ({ ...diagnosis })),
  );
  const [problems, setProblems] = useState<ClinicalProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const admit = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await inpatient.admit(visit.id, { departmentCode, bed, diagnoses });
      if (result.ok) onAdmitted(result.stay.id);
      else setProblems(result.problems);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void admit();
      }}
    >
      <BedChoice
        idPrefix="admit"
        wards={wards}
        stays={stays}
        today={today}
        departmentCode={departmentCode}
        bed={bed}
        onChange={(ward, chosenBed) => {
          setDepartmentCode(ward);
          setBed(chosenBed);
        }}
      />
      <DiagnosisPicker
        label={t('inpatient.admittingDiagnoses')}
        choices={diagnoses}
        onChange={setDiagnoses}
        disabled={false}
      />
      {problems.length > 0 && (
        <ul className="form-error" role="alert" data-testid="admit-problems">
          {problems.map((problem) => (
            <li key={`${problem.field}-${problem.code}`}>{inpatientProblem(t, problem, patient.sex)}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" data-testid="admit" disabled={busy}>
          {t('inpatient.admit')}
        </button>
      </div>
    </form>
  );
}
