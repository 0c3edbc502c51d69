import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { VitalSigns } from '../../shared/clinical/observation-document';
import { abnormalVitalSigns, bodyMassIndex, VITAL_RANGES, type VitalSign } from '../../shared/clinical/vital-signs';
import { FormError } from '../app/FormError';
import { useServices } from '../app/services-context';
import { useLatestVitals } from './use-visit';
import { problemMessage, timeOfDay } from './visit-format';
import { EMPTY_VITALS_FORM, parseVitalsForm, VITAL_SIGN_ORDER, type VitalsForm } from './vitals-form';

/**
 * Vital signs of the visit: typed in order, Enter saves; an implausible value is refused with
 * its range, an abnormal one is saved and flagged; BMI is computed as weight and height are
 * typed, never typed itself.
 */
export function VitalsSection({ encounter, editable }: { encounter: EncounterDocument; editable: boolean }) {
  const { t } = useTranslation();
  const { encounters } = useServices();
  const latest = useLatestVitals(encounter);
  const [form, setForm] = useState<VitalsForm>(EMPTY_VITALS_FORM);
  const [errors, setErrors] = useState<Partial<Record<VitalSign | 'vitals', string>>>({});
  const [saved, setSaved] = useState(false);

  const typed = parseVitalsForm(form).vitals;
  const hasTyped = Object.values(form).some((value) => value.trim() !== '');
  const shown: VitalSigns | null = hasTyped ? typed : (latest?.vitals ?? null);
  const flags = shown ? abnormalVitalSigns(shown) : {};
  const bmi = shown ? bodyMassIndex(shown) : null;

  const label = (sign: VitalSign): string => t(`visits.vital_${sign}`);
  const unit = (sign: VitalSign): string => t(`visits.unit_${sign}`);

  const save = async (): Promise<void> => {
    const { vitals, notNumbers } = parseVitalsForm(form);
    const found: Partial<Record<VitalSign | 'vitals', string>> = {};
    for (const sign of notNumbers) found[sign] = t('visits.notANumber', { sign: label(sign) });
    if (notNumbers.length === 0) {
      let result: Awaited<ReturnType<typeof encounters.saveVitals>>;
      try {
        result = await encounters.saveVitals(encounter, vitals);
      } catch (error) {
        // What was typed stays in the form: saved again with Enter.
        setErrors({ vitals: t('visits.saveFailed', { message: String(error) }) });
        setSaved(false);
        return;
      }
      if (result.ok) {
        setForm(EMPTY_VITALS_FORM);
        setErrors({});
        setSaved(true);
        return;
      }
      for (const problem of result.problems) {
        const field = problem.field as VitalSign | 'vitals';
        if (problem.code === 'implausible' && field !== 'vitals') {
          const [low, high] = VITAL_RANGES[field].plausible;
          found[field] = t('visits.implausible', {
            sign: label(field),
            value: vitals[field],
            unit: unit(field),
            low,
            high,
          });
        } else found[field] = problemMessage(t, problem);
      }
    }
    setErrors(found);
    setSaved(false);
    const first = VITAL_SIGN_ORDER.find((sign) => found[sign]);
    if (first) document.getElementById(`vital-${first}`)?.focus();
  };

  return (
    <section className="visit-section vitals" data-testid="visit-vitals" aria-labelledby="vitals-title">
      <h2 id="vitals-title">{t('visits.vitalsTitle')}</h2>
      <p className="notice" data-testid="vitals-recorded">
        {latest ? t('visits.vitalsRecordedAt', { time: timeOfDay(latest.recordedAt) }) : t('visits.vitalsNone')}
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="vitals-grid">
          {VITAL_SIGN_ORDER.map((sign) => (
            <div key={sign} className={`field${errors[sign] ? ' has-error' : ''}`}>
              <label htmlFor={`vital-${sign}`}>
                {label(sign)} ({unit(sign)})
              </label>
              <input
                id={`vital-${sign}`}
                inputMode="decimal"
                autoComplete="off"
                disabled={!editable}
                placeholder={latest?.vitals?.[sign] != null ? String(latest.vitals[sign]) : ''}
                value={form[sign]}
                aria-invalid={errors[sign] ? true : undefined}
                aria-describedby={errors[sign] ? `error-vital-${sign}` : undefined}
                onChange={(event) => {
                  setSaved(false);
                  setForm({ ...form, [sign]: event.target.value });
                }}
              />
              {shown?.[sign] != null && (
                <small data-testid={`shown-vital-${sign}`}>
                  {String(shown[sign])} {unit(sign)}{' '}
                  {flags[sign] && (
                    <span className="vital-flag" data-testid={`flag-vital-${sign}`}>
                      {t(`visits.flag_${flags[sign]}`)}
                    </span>
                  )}
                </small>
              )}
              {errors[sign] && (
                <span className="field-error" id={`error-vital-${sign}`} data-testid={`error-vital-${sign}`}>
                  {errors[sign]}
                </span>
              )}
            </div>
          ))}
          <div className="field">
            <span>{t('visits.bmi')}</span>
            <output data-testid="bmi">{bmi === null ? t('visits.bmiUnknown') : `${bmi} kg/m²`}</output>
          </div>
        </div>
        <FormError message={errors.vitals} testId="error-vitals" />
        {editable && (
          <div className="actions">
            <button type="submit" data-testid="save-vitals">
              {t('visits.saveVitals')}
            </button>
            {saved && (
              <span className="notice" role="status">
                {t('visits.saved')}
              </span>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
