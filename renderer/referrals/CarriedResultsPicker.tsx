import { useTranslation } from 'react-i18next';
import type { CarriedResult } from '../../shared/referral/referral-document';
import { CarriedResultText } from './CarriedResultText';

/**
 * The patient's lab results at this facility, each with a checkbox: the ticked ones travel with
 * the referral as structured results (the receiver's repeat-test warning reads them).
 */
export function CarriedResultsPicker({
  available,
  picked,
  onChange,
}: {
  available: readonly CarriedResult[];
  picked: readonly CarriedResult[];
  onChange: (picked: CarriedResult[]) => void;
}) {
  const { t } = useTranslation();
  const pickedIds = new Set(picked.map((result) => result.observationId));
  const toggle = (result: CarriedResult, on: boolean): void =>
    // Kept in the offered order (newest first), whatever order they were ticked in.
    onChange(
      available.filter((candidate) =>
        candidate.observationId === result.observationId ? on : pickedIds.has(candidate.observationId),
      ),
    );
  return (
    <fieldset className="field referral-results" data-testid="referral-results-picker">
      <legend>{t('referrals.results')}</legend>
      {available.length === 0 ? (
        <p className="notice">{t('referrals.noResults')}</p>
      ) : (
        <>
          <p className="notice">{t('referrals.resultsExplain')}</p>
          <ul>
            {available.map((result) => (
              <li key={result.observationId}>
                <label>
                  <input
                    type="checkbox"
                    data-testid={`carry-${result.testCode}`}
                    checked={pickedIds.has(result.observationId)}
                    onChange={(event) => toggle(result, event.target.checked)}
                  />{' '}
                  <CarriedResultText result={result} />
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
