import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import { FormError } from '../app/FormError';
import { useServices } from '../app/services-context';
import type { ReferralProblem } from './referral-content';
import { referralProblemMessage } from './referral-format';
import type { ReferralDraft, ReferralInput } from './referrals-repository';
import { CarriedResultsPicker } from './CarriedResultsPicker';
import { useFacilities } from './use-referrals';

type TextField = Exclude<keyof ReferralInput, 'toFacilityCode' | 'diagnoses' | 'results'>;

/** The form's free-text fields in the paper's order, with how many lines each gets. */
const TEXT_FIELDS: readonly { field: TextField; rows: number }[] = [
  { field: 'reason', rows: 2 },
  { field: 'findings', rows: 4 },
  { field: 'testsDone', rows: 4 },
  { field: 'treatmentGiven', rows: 3 },
  { field: 'conditionAtTransfer', rows: 2 },
  { field: 'transport', rows: 1 },
  { field: 'accompanyingStaff', rows: 1 },
];

/**
 * A referral from a visit or a stay: the receiving facility from the province's catalog, the
 * clinical summary prefilled from the record (diagnoses, findings), the lab results to send
 * ticked (those of the visit or stay to begin with), and the rest typed. Enter in a one-line field sends; Esc cancels. Nothing is written until it is complete.
 */
export function ReferralForm({
  encounterId,
  onSent,
  onCancel,
}: {
  encounterId: string;
  onSent: (referral: ReferralDocument) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { referrals } = useServices();
  const facilities = useFacilities();
  const [draft, setDraft] = useState<ReferralDraft | null | undefined>(undefined);
  const [input, setInput] = useState<ReferralInput | null>(null);
  const [problems, setProblems] = useState<ReferralProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void referrals.draftFrom(encounterId).then((found) => {
      if (!current) return;
      setDraft(found);
      setInput(found?.input ?? null);
    });
    return () => {
      current = false;
    };
  }, [referrals, encounterId]);

  if (draft === undefined || input === null) return <p>{t('referrals.loading')}</p>;
  if (draft === null) return <p className="form-error">{t('referrals.problem_referral-not-found')}</p>;

  const destinations = [...facilities.values()].filter((facility) => facility.code !== referrals.facilityCode);
  const set = (field: keyof ReferralInput, value: string): void => setInput({ ...input, [field]: value });
  const errorOf = (field: string): boolean => problems.some((problem) => problem.field === field);

  const send = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await referrals.send(draft.patient, input);
      setFailure(null);
      if (result.ok) onSent(result.referral);
      else setProblems(result.problems);
    } catch (error) {
      // What was typed stays on the form.
      setFailure(t('referrals.saveFailed', { message: String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="referral-form"
      data-testid="referral-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3>{t('referrals.formTitle')}</h3>
      <div className={`field${errorOf('toFacilityCode') ? ' has-error' : ''}`}>
        <label htmlFor="referral-to">{t('referrals.toFacility')}</label>
        <select
          id="referral-to"
          autoFocus
          value={input.toFacilityCode}
          onChange={(event) => set('toFacilityCode', event.target.value)}
        >
          <option value="">{t('referrals.chooseFacility')}</option>
          {destinations.map((facility) => (
            <option key={facility.code} value={facility.code}>
              {facility.name} ({facility.code})
            </option>
          ))}
        </select>
        {destinations.length === 0 && <p className="notice">{t('referrals.noFacilities')}</p>}
      </div>
      <div className="field">
        <span className="label">{t('referrals.diagnoses')}</span>
        {input.diagnoses.length === 0 ? (
          <p className="notice">{t('referrals.noDiagnoses')}</p>
        ) : (
          <ul data-testid="referral-diagnoses">
            {input.diagnoses.map((diagnosis) => (
              <li key={diagnosis.code}>
                {diagnosis.code} {diagnosis.name}
                {diagnosis.primary && ` (${t('referrals.primary')})`}
              </li>
            ))}
          </ul>
        )}
      </div>
      {TEXT_FIELDS.map(({ field, rows }) => (
        <Fragment key={field}>
          {field === 'testsDone' && (
            <CarriedResultsPicker
              available={draft.availableResults}
              picked={input.results}
              onChange={(results) => setInput({ ...input, results })}
            />
          )}
          <div className={`field${errorOf(field) ? ' has-error' : ''}`}>
            <label htmlFor={`referral-${field}`}>{t(`referrals.${field}`)}</label>
            {rows === 1 ? (
              <input
                id={`referral-${field}`}
                autoComplete="off"
                value={input[field]}
                onChange={(event) => set(field, event.target.value)}
              />
            ) : (
              <textarea
                id={`referral-${field}`}
                rows={rows}
                value={input[field]}
                onChange={(event) => set(field, event.target.value)}
              />
            )}
          </div>
        </Fragment>
      ))}
      {problems.length > 0 && (
        <ul className="form-error" role="alert" data-testid="referral-problems">
          {problems.map((problem) => (
            <li key={`${problem.field}-${problem.code}`}>{referralProblemMessage(t, problem)}</li>
          ))}
        </ul>
      )}
      <FormError message={failure} testId="referral-save-failed" />
      <div className="actions">
        <button type="submit" data-testid="send-referral" disabled={busy}>
          {t('referrals.send')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('referrals.cancel')}
        </button>
      </div>
    </form>
  );
}
