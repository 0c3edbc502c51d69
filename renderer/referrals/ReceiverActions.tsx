import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import type { PossibleDuplicate } from '../../shared/patient/possible-duplicates';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import type { Route } from '../app/route';
import { FormError } from '../app/FormError';
import { formatDisplayDate } from '../../shared/text/dates';
import { fullName } from '../app/format';
import { useServices } from '../app/services-context';
import { mayAnswer, mayReportOutcome, type ReferralProblem } from './referral-content';
import { referralProblemMessage } from './referral-format';
import type { AcceptOptions, ReferralOutcome } from './referrals-repository';

const OUTCOMES: readonly ReferralOutcome[] = ['admitted', 'treated', 'discharged', 'counter-referred'];

/**
 * What the receiving facility does with a referral: accept it (the patient registered here from
 * the referral, or linked to their record here), decline it with a note, and later send back
 * the outcome.
 */
export function ReceiverActions({
  referral,
  navigate,
}: {
  referral: ReferralDocument;
  navigate: (route: Route) => void;
}) {
  const { t } = useTranslation();
  const { referrals, session, patients } = useServices();
  const [mode, setMode] = useState<'idle' | 'declining' | 'reporting'>('idle');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<ReferralOutcome | ''>('');
  const [summary, setSummary] = useState('');
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  const [problems, setProblems] = useState<ReferralProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (referral.toFacilityCode !== referrals.facilityCode || !session.can('referral.receive')) return null;

  const run = async (action: () => Promise<{ ok: boolean; problems?: ReferralProblem[] }>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    try {
      const result = await action();
      setFailure(null);
      setProblems(result.ok ? [] : (result.problems ?? []));
      return result.ok;
    } catch (error) {
      setFailure(t('referrals.saveFailed', { message: String(error) }));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const accept = (options: AcceptOptions = {}): Promise<boolean> =>
    run(async () => {
      const result = await referrals.accept(referral.id, {
        ...options,
        mayRegister: session.can('patient.register'),
      });
      setDuplicates(result.ok ? [] : (result.duplicates ?? []));
      if (result.ok) {
        const patient = await patients.get(result.patientId);
        const shown = { name: patient ? fullName(patient) : '', code: displayPatientCode(patient?.patientCode ?? '') };
        setDone(t(result.linked ? 'referrals.acceptedLinked' : 'referrals.accepted', shown));
      }
      return result;
    });

  return (
    <div className="referral-actions">
      {mayAnswer(referral) && mode === 'idle' && (
        <div className="actions">
          <button type="button" data-testid="accept-referral" disabled={busy} onClick={() => void accept()}>
            {t('referrals.accept')}
          </button>
          <button type="button" data-testid="decline-referral" onClick={() => setMode('declining')}>
            {t('referrals.decline')}
          </button>
        </div>
      )}
      {duplicates.length > 0 && (
        <div className="notice" role="alert" data-testid="referral-duplicates">
          <p>{t('referrals.duplicatesTitle')}</p>
          <ul>
            {duplicates.map(({ patient }) => (
              <li key={patient.id}>
                {fullName(patient)}, {formatDisplayDate(patient.dateOfBirth)} ({displayPatientCode(patient.patientCode)}
                ){' '}
                <button type="button" onClick={() => void accept({ linkTo: patient.id })}>
                  {t('referrals.linkThis')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void accept({ confirmedDistinct: true })}>
            {t('referrals.registerNew')}
          </button>
        </div>
      )}
      {mode === 'declining' && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => referrals.decline(referral.id, note)).then((ok) => ok && setMode('idle'));
          }}
        >
          <div className="field">
            <label htmlFor={`decline-${referral.id}`}>{t('referrals.declineNote')}</label>
            <textarea
              id={`decline-${referral.id}`}
              rows={2}
              autoFocus
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <SubmitOrCancel
            testId="confirm-decline"
            label={t('referrals.confirmDecline')}
            busy={busy}
            onCancel={() => setMode('idle')}
          />
        </form>
      )}
      {referral.receiverPatientId && (
        <div className="actions">
          <button
            type="button"
            data-testid="open-referred-patient"
            onClick={() => navigate({ page: 'patient', id: referral.receiverPatientId })}
          >
            {t('referrals.openPatient')}
          </button>
          {mayReportOutcome(referral) && mode === 'idle' && (
            <button type="button" data-testid="report-outcome" onClick={() => setMode('reporting')}>
              {t('referrals.sendOutcome')}
            </button>
          )}
        </div>
      )}
      {mode === 'reporting' && mayReportOutcome(referral) && (
        <form
          noValidate
          aria-label={t('referrals.outcomeTitle')}
          onSubmit={(event) => {
            event.preventDefault();
            if (outcome === '') {
              setProblems([{ field: 'outcome', code: 'required' }]);
              return;
            }
            void run(() => referrals.reportOutcome(referral.id, outcome, summary)).then((ok) => ok && setMode('idle'));
          }}
        >
          <div className="field">
            <label htmlFor={`outcome-${referral.id}`}>{t('referrals.outcome')}</label>
            <select
              id={`outcome-${referral.id}`}
              autoFocus
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as ReferralOutcome | '')}
            >
              <option value="">{t('referrals.chooseOutcome')}</option>
              {OUTCOMES.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`referrals.outcome_${choice}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`outcome-summary-${referral.id}`}>{t('referrals.outcomeSummary')}</label>
            <textarea
              id={`outcome-summary-${referral.id}`}
              rows={3}
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
            />
          </div>
          <SubmitOrCancel
            testId="send-outcome"
            label={t('referrals.sendOutcome')}
            busy={busy}
            onCancel={() => setMode('idle')}
          />
        </form>
      )}
      {done && (
        <p className="notice" role="status" data-testid="referral-accepted">
          {done}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="form-error" role="alert" data-testid="referral-action-problems">
          {problems.map((problem) => (
            <li key={`${problem.field}-${problem.code}`}>{referralProblemMessage(t, problem)}</li>
          ))}
        </ul>
      )}
      <FormError message={failure} testId="referral-action-failed" />
    </div>
  );
}

/** A referral step's form buttons: the step itself (Enter submits) and going back without it. */
function SubmitOrCancel({
  testId,
  label,
  busy,
  onCancel,
}: {
  testId: string;
  label: string;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" data-testid={testId} disabled={busy}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        {t('referrals.cancel')}
      </button>
    </div>
  );
}
