import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { DISCHARGE_CONDITIONS, type DischargeCondition, type NoteDocument } from '../../shared/clinical/note-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { formatDisplayDate, parseDisplayDate } from '../../shared/text/dates';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';
import { DischargePaperPrint } from '../printing/DischargePaperPrint';
import { resolveVersions } from '../../shared/clinical/version-chain';
import { NoteSigning } from '../signing/NoteSigning';
import { DiagnosisPicker, type NamedChoice } from './DiagnosisPicker';
import { inpatientProblem } from './inpatient-format';
import { useStayLocation } from './use-inpatient';

/** The discharge summary as recorded, its signature, and the discharge paper it prints. */
function DischargeSummary({
  note,
  history,
  stay,
  patient,
  departmentCode,
}: {
  note: NoteDocument;
  history: readonly NoteDocument[];
  stay: EncounterDocument;
  patient: PatientDocument;
  departmentCode: string;
}) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(false);
  const closePrint = useCallback(() => setPrinting(false), []);
  const discharge = note.discharge;
  if (!discharge) return null;
  return (
    <div data-testid="discharge-summary">
      <h3>{t('inpatient.summaryTitle')}</h3>
      <p>{t('inpatient.dischargedAt', { time: formatDateTime(discharge.dischargedAt) })}</p>
      <p>
        {t('inpatient.dischargeDiagnoses')}:{' '}
        {discharge.diagnoses.map((diagnosis) => `${diagnosis.code} ${diagnosis.name}`).join('; ')}
      </p>
      <p>
        {t('inpatient.treatment')}: {discharge.treatment}
      </p>
      <p>
        {t('inpatient.condition')}: {t(`inpatient.condition_${discharge.condition}`)}
      </p>
      {discharge.followUpDate && (
        <p>
          {t('inpatient.followUpDate')}: {formatDisplayDate(discharge.followUpDate)}
        </p>
      )}
      {discharge.followUp && (
        <p>
          {t('inpatient.followUp')}: {discharge.followUp}
        </p>
      )}
      {discharge.advice && (
        <p>
          {t('inpatient.advice')}: {discharge.advice}
        </p>
      )}
      <NoteSigning
        note={note}
        history={history}
        label={t('signing.signDischargeSummary')}
        testId="sign-discharge-summary"
      />
      {stay.status === 'finished' && (
        <div className="actions">
          <button type="button" data-testid="print-discharge-paper" onClick={() => setPrinting(true)}>
            {t('inpatient.printDischargePaper')}
          </button>
        </div>
      )}
      {printing && (
        <DischargePaperPrint
          stay={stay}
          summary={note}
          patient={patient}
          departmentCode={departmentCode}
          onClose={closePrint}
        />
      )}
    </div>
  );
}

/**
 * Discharge: for a doctor while the stay is open, the summary form (diagnoses at discharge
 * prefilled from the stay's, treatment, condition, follow-up, advice) and "Cho ra viện" after a
 * confirmation; once discharged, the summary, read only.
 */
export function DischargeSection({
  stay,
  patient,
  notes,
  editable,
}: {
  stay: EncounterDocument;
  patient: PatientDocument;
  notes: NoteDocument[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { inpatient } = useServices();
  const [diagnoses, setDiagnoses] = useState<NamedChoice[]>(() =>
    stay.diagnoses.map((diagnosis) => ({ ...diagnosis })),
  );
  const [treatment, setTreatment] = useState('');
  const [condition, setCondition] = useState<DischargeCondition | ''>('');
  const [followUpDate, setFollowUpDate] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [advice, setAdvice] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<ClinicalProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const summaries = resolveVersions(notes.filter((note) => note.kind === 'discharge-summary'));
  // The summary in force: an amendment replaces the signed one on the page and the paper.
  const summary = summaries.current[0];
  const location = useStayLocation(stay);

  if (stay.status !== 'in-progress' || summary) {
    return (
      <section className="visit-section discharge" data-testid="discharge" aria-labelledby="discharge-title">
        <h2 id="discharge-title">{t('inpatient.dischargeTitle')}</h2>
        {summary && (
          <DischargeSummary
            note={summary}
            history={summaries.historyOf(summary.id)}
            stay={stay}
            patient={patient}
            departmentCode={location?.current.departmentCode ?? stay.departmentCode}
          />
        )}
      </section>
    );
  }
  if (!editable) return null;

  const discharge = async (): Promise<void> => {
    if (busy) return;
    const followUpIso = followUpDate.trim() === '' ? '' : parseDisplayDate(followUpDate);
    if (followUpIso === null) {
      setProblems([{ field: 'followUpDate', code: 'follow-up-date-invalid' }]);
      setConfirming(false);
      return;
    }
    setBusy(true);
    try {
      const result = await inpatient.discharge(stay.id, {
        diagnoses: diagnoses.map(({ code, primary }) => ({ code, primary })),
        treatment,
        condition,
        followUpDate: followUpIso,
        followUp,
        advice,
      });
      setConfirming(false);
      setProblems(result.ok ? [] : result.problems);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="visit-section discharge" data-testid="discharge" aria-labelledby="discharge-title">
      <h2 id="discharge-title">{t('inpatient.dischargeTitle')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (confirming) void discharge();
          else setConfirming(true);
        }}
      >
        <DiagnosisPicker
          label={t('inpatient.dischargeDiagnoses')}
          choices={diagnoses}
          onChange={setDiagnoses}
          disabled={false}
        />
        <div className="field">
          <label htmlFor="discharge-treatment">{t('inpatient.treatment')}</label>
          <textarea
            id="discharge-treatment"
            rows={3}
            value={treatment}
            onChange={(event) => setTreatment(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="discharge-condition">{t('inpatient.condition')}</label>
          <select
            id="discharge-condition"
            value={condition}
            onChange={(event) => setCondition(event.target.value as DischargeCondition | '')}
          >
            <option value="">{t('inpatient.chooseCondition')}</option>
            {DISCHARGE_CONDITIONS.map((choice) => (
              <option key={choice} value={choice}>
                {t(`inpatient.condition_${choice}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="discharge-follow-up-date">{t('inpatient.followUpDate')}</label>
          <input
            id="discharge-follow-up-date"
            inputMode="numeric"
            autoComplete="off"
            value={followUpDate}
            onChange={(event) => setFollowUpDate(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="discharge-follow-up">{t('inpatient.followUp')}</label>
          <input id="discharge-follow-up" value={followUp} onChange={(event) => setFollowUp(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="discharge-advice">{t('inpatient.advice')}</label>
          <textarea id="discharge-advice" rows={2} value={advice} onChange={(event) => setAdvice(event.target.value)} />
        </div>
        {problems.length > 0 && (
          <ul className="form-error" role="alert" data-testid="discharge-problems">
            {problems.map((problem) => (
              <li key={`${problem.field}-${problem.code}`}>{inpatientProblem(t, problem, patient.sex)}</li>
            ))}
          </ul>
        )}
        {confirming && (
          <p className="notice" role="alert" data-testid="confirm-discharge">
            {t('inpatient.confirmDischarge')}
          </p>
        )}
        <div className="actions">
          <button type="submit" data-testid="discharge-submit" disabled={busy}>
            {t('inpatient.discharge')}
          </button>
          {confirming && (
            <button type="button" onClick={() => setConfirming(false)}>
              {t('inpatient.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
