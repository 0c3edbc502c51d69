import { useTranslation } from 'react-i18next';
import { IcdSearch } from '../visits/IcdSearch';
import type { DiagnosisChoice } from '../visits/visit-rules';

/** A chosen diagnosis with the name shown beside its code. */
export interface NamedChoice extends DiagnosisChoice {
  name: string;
}

/**
 * A list of ICD-10 diagnoses being chosen in a form (admission, discharge): the first picked is
 * primary, any may be made primary or removed; the rules are checked when the form is sent.
 */
export function DiagnosisPicker({
  label,
  choices,
  onChange,
  disabled,
}: {
  label: string;
  choices: NamedChoice[];
  onChange: (next: NamedChoice[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const makePrimary = (code: string): void =>
    onChange(choices.map((choice) => ({ ...choice, primary: choice.code === code })));
  const remove = (code: string): void => {
    const left = choices.filter((choice) => choice.code !== code);
    if (left.length > 0 && !left.some((choice) => choice.primary))
      left[0] = { ...(left[0] as NamedChoice), primary: true };
    onChange(left);
  };
  return (
    <fieldset className="diagnosis-picker" data-testid="diagnosis-picker">
      <legend>{label}</legend>
      {choices.length === 0 && <p className="notice">{t('inpatient.noDiagnosis')}</p>}
      <ul>
        {choices.map((choice) => (
          <li key={choice.code} data-testid="picked-diagnosis">
            <strong>{choice.code}</strong> {choice.name} ·{' '}
            {choice.primary ? t('inpatient.primary') : t('inpatient.secondary')}
            {!disabled && !choice.primary && (
              <button type="button" onClick={() => makePrimary(choice.code)}>
                {t('inpatient.makePrimary')}
              </button>
            )}
            {!disabled && (
              <button
                type="button"
                onClick={() => remove(choice.code)}
                aria-label={`${t('inpatient.remove')} ${choice.code}`}
              >
                {t('inpatient.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!disabled && (
        <IcdSearch
          disabled={disabled}
          onPick={(entry) => {
            if (choices.some((choice) => choice.code === entry.code)) return;
            onChange([...choices, { code: entry.code, name: entry.name, primary: choices.length === 0 }]);
          }}
        />
      )}
    </fieldset>
  );
}
