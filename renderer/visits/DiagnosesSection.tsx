import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { useServices } from '../app/services-context';
import { IcdSearch } from './IcdSearch';
import { problemMessage } from './visit-format';
import type { DiagnosisChoice } from './visit-rules';

/**
 * The visit's diagnoses: the first code picked is the primary one, the next ones secondary; any
 * may be made primary or removed. Each change is saved at once when the ICD-10 rules allow it
 * (sex, not-as-primary…); otherwise the list stays as it was and the reason is shown.
 */
export function DiagnosesSection({
  encounter,
  patient,
  editable,
}: {
  encounter: EncounterDocument;
  patient: PatientDocument;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { encounters } = useServices();
  const [problems, setProblems] = useState<ClinicalProblem[]>([]);
  const current: DiagnosisChoice[] = encounter.diagnoses.map(({ code, primary }) => ({ code, primary }));

  const save = async (choices: DiagnosisChoice[]): Promise<void> => {
    const result = await encounters.saveDiagnoses(encounter.id, choices);
    setProblems(result.ok ? [] : result.problems);
  };
  const add = (code: string): Promise<void> => {
    const hasPrimary = current.some((choice) => choice.primary);
    return save([...current, { code, primary: !hasPrimary }]);
  };
  const makePrimary = (code: string): Promise<void> =>
    save(current.map((choice) => ({ code: choice.code, primary: choice.code === code })));
  const remove = (code: string): Promise<void> => save(current.filter((choice) => choice.code !== code));

  return (
    <section className="visit-section diagnoses" data-testid="visit-diagnoses" aria-labelledby="diagnoses-title">
      <h2 id="diagnoses-title">{t('visits.diagnosesTitle')}</h2>
      {encounter.diagnoses.length === 0 && <p className="empty">{t('visits.noDiagnosis')}</p>}
      <ul className="diagnosis-list" data-testid="diagnosis-list">
        {encounter.diagnoses.map((diagnosis) => (
          <li key={diagnosis.code} data-testid="diagnosis" data-primary={diagnosis.primary}>
            <span className="diagnosis-code">{diagnosis.code}</span>
            <span>{diagnosis.name}</span>
            <small>{diagnosis.primary ? t('visits.primary') : t('visits.secondary')}</small>
            {editable && !diagnosis.primary && (
              <button type="button" onClick={() => void makePrimary(diagnosis.code)}>
                {t('visits.makePrimary')}
              </button>
            )}
            {editable && (
              <button type="button" onClick={() => void remove(diagnosis.code)}>
                {t('visits.removeDiagnosis')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {problems.length > 0 && (
        <ul className="form-error" role="alert" data-testid="diagnosis-problems">
          {problems.map((problem) => (
            <li key={`${problem.field}-${problem.code}`}>{problemMessage(t, problem, patient.sex)}</li>
          ))}
        </ul>
      )}
      {editable && <IcdSearch disabled={!editable} onPick={(entry) => void add(entry.code)} />}
    </section>
  );
}
