import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import { DISPOSITIONS, type Disposition, type EncounterDocument } from '../../shared/clinical/encounter-document';
import { formatDisplayDate, parseDisplayDate } from '../../shared/text/dates';
import { formatDateTime } from '../app/format';
import { FormError } from '../app/FormError';
import { useServices } from '../app/services-context';
import { AdmitLink } from '../inpatient/AdmitLink';
import { problemMessage } from './visit-format';

const CHOSEN_DISPOSITIONS = DISPOSITIONS.filter((disposition) => disposition !== '');

/**
 * How the visit ends (home, follow-up on a date, admission, referral), the advice, and "Kết thúc
 * khám": the visit is read only after. Shown as text once finished.
 */
export function ConclusionSection({ encounter, editable }: { encounter: EncounterDocument; editable: boolean }) {
  const { t } = useTranslation();
  const { encounters } = useServices();
  const [disposition, setDisposition] = useState<Disposition>(encounter.disposition);
  const [followUp, setFollowUp] = useState(encounter.followUpDate ? formatDisplayDate(encounter.followUpDate) : '');
  const [advice, setAdvice] = useState(encounter.advice);
  const [problems, setProblems] = useState<ClinicalProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (encounter.status === 'finished') {
    return (
      <section className="visit-section conclusion" data-testid="visit-conclusion" aria-labelledby="conclusion-title">
        <h2 id="conclusion-title">{t('visits.conclusionTitle')}</h2>
        <p data-testid="conclusion-summary">
          {encounter.disposition && t(`visits.disposition_${encounter.disposition}`)}
          {encounter.followUpDate && ` ${formatDisplayDate(encounter.followUpDate)}`}
        </p>
        {encounter.advice && <p>{encounter.advice}</p>}
        <AdmitLink visit={encounter} />
        <p className="notice" data-testid="finished-at">
          {t('visits.finished', { time: formatDateTime(encounter.finishedAt) })}
        </p>
      </section>
    );
  }

  const finish = async (): Promise<void> => {
    if (busy) return;
    const followUpDate = followUp.trim() === '' ? '' : parseDisplayDate(followUp);
    if (disposition === 'follow-up' && followUpDate === null) {
      setProblems([{ field: 'followUpDate', code: 'follow-up-date-invalid' }]);
      return;
    }
    setBusy(true);
    try {
      const result = await encounters.conclude(encounter.id, { disposition, followUpDate: followUpDate ?? '', advice });
      setProblems(result.ok ? [] : result.problems);
      setFailure(null);
    } catch (error) {
      // The disposition, date and advice stay as typed.
      setFailure(t('visits.saveFailed', { message: String(error) }));
    } finally {
      setBusy(false);
    }
  };
  const errorOf = (field: string): ClinicalProblem | undefined => problems.find((problem) => problem.field === field);

  return (
    <section className="visit-section conclusion" data-testid="visit-conclusion" aria-labelledby="conclusion-title">
      <h2 id="conclusion-title">{t('visits.conclusionTitle')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void finish();
        }}
      >
        <div className="field">
          <label htmlFor="conclusion-disposition">{t('visits.disposition')}</label>
          <select
            id="conclusion-disposition"
            disabled={!editable}
            value={disposition}
            onChange={(event) => setDisposition(event.target.value as Disposition)}
          >
            <option value="">{t('visits.chooseDisposition')}</option>
            {CHOSEN_DISPOSITIONS.map((choice) => (
              <option key={choice} value={choice}>
                {t(`visits.disposition_${choice}`)}
              </option>
            ))}
          </select>
        </div>
        {disposition === 'follow-up' && (
          <div className={`field${errorOf('followUpDate') ? ' has-error' : ''}`}>
            <label htmlFor="conclusion-follow-up">{t('visits.followUpDate')}</label>
            <input
              id="conclusion-follow-up"
              inputMode="numeric"
              autoComplete="off"
              disabled={!editable}
              value={followUp}
              onChange={(event) => setFollowUp(event.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="conclusion-advice">{t('visits.advice')}</label>
          <textarea
            id="conclusion-advice"
            rows={3}
            disabled={!editable}
            value={advice}
            onChange={(event) => setAdvice(event.target.value)}
          />
        </div>
        {problems.length > 0 && (
          <ul className="form-error" role="alert" data-testid="conclusion-problems">
            {problems.map((problem) => (
              <li key={`${problem.field}-${problem.code}`}>{problemMessage(t, problem)}</li>
            ))}
          </ul>
        )}
        <FormError message={failure} testId="conclusion-save-failed" />
        {editable && (
          <div className="actions">
            <button type="submit" data-testid="finish-visit" disabled={busy}>
              {t('visits.finish')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
