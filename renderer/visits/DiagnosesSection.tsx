import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { useServices } from '../app/services-context';
import { IcdSearch } from './IcdSearch';
import { problemMessage } from './visit-format';
import { addDiagnosis, makePrimaryDiagnosis, removeDiagnosis, type DiagnosisEdit } from './visit-rules';
import { FormError } from '../app/FormError';

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
  const [failure, setFailure] = useState<string | null>(null);
  // Each change applies to the list as stored when it is written (two quick picks both stay).
  const save = async (edit: DiagnosisEdit): Promise<void> => {
    try {
      const result = await encounters.editDiagnoses(encounter.id, edit);
      setProblems(result.ok ? [] : result.problems);
      setFailure(null);
    } catch (error) {
      setFailure(t('visits.saveFailed', { message: String(error) }));
    }
  };
  const add = (code: string): Promise<void> => save(addDiagnosis(code));
  const makePrimary = (code: string): Promise<void> => save(makePrimaryDiagnosis(code));
  const remove = (code: string): Promise<void> => save(removeDiagnosis(code));

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
      <FormError message={failure} testId="diagnosis-save-failed" />
      {editable && <IcdSearch disabled={!editable} onPick={(entry) => void add(entry.code)} />}
    </section>
  );
}
