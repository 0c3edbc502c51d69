import { useState, type SyntheticEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Allergy } from '../../shared/clinical/observation-document';
import type { AllergyEntry, PatientAllergies } from './chart-allergies';
import { displayTime } from './chart-format';
import type { AllergyInput, AllergyResult } from './allergies-repository';

export interface AllergyActions {
  record(input: AllergyInput): Promise<AllergyResult>;
  deactivate(id: string, reason: string): Promise<AllergyResult>;
}

const SEVERITIES: readonly Allergy['severity'][] = ['mild', 'moderate', 'severe'];

function problemText(t: TFunction, result: AllergyResult): string {
  if (result.ok) return '';
  return result.problems.map((problem) => t(`chart.problem_${problem.field}_${problem.code}`)).join(' ');
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The patient's allergies: active ones, each made inactive with a reason by those who may;
 * the inactive ones kept below; a form to record a new one (Enter records it).
 */
export function AllergiesBlock({
  allergies,
  actions,
}: {
  allergies: PatientAllergies;
  /** Absent for users without encounter.write: they see, and change nothing. */
  actions: AllergyActions | null;
}) {
  const { t } = useTranslation();
  return (
    <section className="chart-block chart-allergies" aria-labelledby="chart-allergies-title">
      <h2 id="chart-allergies-title">{t('chart.allergies')}</h2>
      {allergies.active.length === 0 && <p className="empty">{t('chart.noAllergies')}</p>}
      <ul data-testid="active-allergies">
        {allergies.active.map((allergy) => (
          <ActiveAllergy key={allergy.id} allergy={allergy} actions={actions} />
        ))}
      </ul>
      {allergies.inactive.length > 0 && (
        <details>
          <summary>{t('chart.inactiveAllergies', { count: allergies.inactive.length })}</summary>
          <ul data-testid="inactive-allergies">
            {allergies.inactive.map((allergy) => (
              <li key={allergy.id} className="inactive">
                <s>{allergy.substance}</s> · {allergy.reaction || '—'} ·{' '}
                {t('chart.deactivatedBecause', { reason: allergy.note })} ({displayTime(allergy.updatedAt)})
              </li>
            ))}
          </ul>
        </details>
      )}
      {actions && <RecordAllergyForm actions={actions} />}
    </section>
  );
}

function ActiveAllergy({ allergy, actions }: { allergy: AllergyEntry; actions: AllergyActions | null }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const inputId = `deactivate-${allergy.id}`;

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    if (!actions) return;
    try {
      const result = await actions.deactivate(allergy.id, reason);
      if (!result.ok) setError(problemText(t, result));
    } catch (failure) {
      setError(t('chart.writeFailed', { message: messageOf(failure) }));
    }
  };

  return (
    <li className={`severity-${allergy.severity}`}>
      <strong>{allergy.substance}</strong> · {t(`chart.severity_${allergy.severity}`)}
      {allergy.reaction && ` · ${allergy.reaction}`} · {displayTime(allergy.recordedAt)}
      {actions && !asking && (
        <button type="button" onClick={() => setAsking(true)}>
          {t('chart.deactivate')}
        </button>
      )}
      {actions && asking && (
        <form className="inline-form" onSubmit={(event) => void submit(event)}>
          <label htmlFor={inputId}>{t('chart.deactivateReason', { substance: allergy.substance })}</label>
          <input
            id={inputId}
            autoFocus
            value={reason}
            maxLength={2000}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={(event) => {
              // Escape closes this question, not the chart (the shell's Escape goes to the list).
              if (event.key !== 'Escape') return;
              event.stopPropagation();
              setAsking(false);
            }}
          />
          <button type="submit">{t('chart.confirmDeactivate')}</button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('chart.cancel')}
          </button>
          {error && (
            <span className="form-error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
    </li>
  );
}

const EMPTY_FORM: AllergyInput = { substance: '', ingredientKey: '', reaction: '', severity: 'moderate' };

function RecordAllergyForm({ actions }: { actions: AllergyActions }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AllergyInput>(EMPTY_FORM);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (field: keyof AllergyInput) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setSaved('');
    try {
      const result = await actions.record(form);
      if (result.ok) {
        setSaved(t('chart.allergyRecorded', { substance: result.allergy.allergy?.substance ?? '' }));
        setForm(EMPTY_FORM);
        setError('');
        document.getElementById('allergy-substance')?.focus();
      } else setError(problemText(t, result));
    } catch (failure) {
      setError(t('chart.writeFailed', { message: messageOf(failure) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="chart-allergy-form" onSubmit={(event) => void submit(event)} data-testid="allergy-form">
      <div className="field">
        <label htmlFor="allergy-substance">{t('chart.substance')}</label>
        <input
          id="allergy-substance"
          value={form.substance}
          maxLength={200}
          aria-invalid={error !== ''}
          onChange={set('substance')}
        />
      </div>
      <div className="field">
        <label htmlFor="allergy-ingredient">{t('chart.ingredient')}</label>
        <input id="allergy-ingredient" value={form.ingredientKey} maxLength={200} onChange={set('ingredientKey')} />
      </div>
      <div className="field">
        <label htmlFor="allergy-reaction">{t('chart.reaction')}</label>
        <input id="allergy-reaction" value={form.reaction} maxLength={500} onChange={set('reaction')} />
      </div>
      <div className="field">
        <label htmlFor="allergy-severity">{t('chart.severity')}</label>
        <select id="allergy-severity" value={form.severity} onChange={set('severity')}>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`chart.severity_${severity}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="primary" disabled={saving}>
        {t('chart.addAllergy')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="form-success" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}
