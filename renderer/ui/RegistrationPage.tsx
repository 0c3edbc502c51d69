import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVINCES } from '../../shared/admin-units/admin-units';
import { ETHNICITIES } from '../../shared/patient/ethnicities';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { PatientField, PatientProblem } from '../../shared/patient/patient-problems';
import { EMPTY_REGISTRATION_FORM, type RegistrationForm } from '../../shared/patient/registration-form';
import { fullName } from './format';
import type { Route } from './route';
import { useServices } from './services-context';

const DRAFT_SAVE_DELAY_MS = 300;
const byVietnameseName = (a: readonly [string, string], b: readonly [string, string]): number =>
  a[1].localeCompare(b[1], 'vi');

export function RegistrationPage({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { patients, drafts } = useServices();
  const [form, setForm] = useState<RegistrationForm | null>(null);
  const [draftRestored, setDraftRestored] = useState(false);
  const [problems, setProblems] = useState<PatientProblem[]>([]);
  const [existingPatient, setExistingPatient] = useState<PatientDocument | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const latestForm = useRef<RegistrationForm | null>(null);

  useEffect(() => {
    void drafts.load().then((draft) => {
      setForm(draft ?? EMPTY_REGISTRATION_FORM);
      setDraftRestored(draft !== null);
    });
  }, [drafts]);

  // Save the draft shortly after each change, and at once when the window goes away.
  useEffect(() => {
    latestForm.current = form;
    if (!form) return;
    const timer = setTimeout(() => void drafts.save(form), DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, drafts]);
  useEffect(() => {
    const saveNow = (): void => {
      if (latestForm.current) void drafts.save(latestForm.current);
    };
    window.addEventListener('pagehide', saveNow);
    return () => window.removeEventListener('pagehide', saveNow);
  }, [drafts]);

  const wards = useMemo(
    () => [...(PROVINCES.find((province) => province.code === form?.provinceCode)?.wards ?? [])].sort(byVietnameseName),
    [form?.provinceCode],
  );
  if (!form) return null;

  const update = (change: Partial<RegistrationForm>): void => setForm({ ...form, ...change });
  const problemOf = (field: PatientField): string | undefined => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem ? t(`problems.${problem.code}`, { defaultValue: t('problems.unknown') }) : undefined;
  };

  const submit = async (): Promise<void> => {
    const result = await patients.register(form);
    if (result.ok) {
      await drafts.clear();
      navigate({ page: 'patient', id: result.patient.id });
      return;
    }
    setProblems(result.problems);
    setExistingPatient(result.existingPatient);
    const firstField = result.problems[0]?.field;
    if (firstField) formRef.current?.querySelector<HTMLElement>(`[name="${firstField}"]`)?.focus();
  };
  const submitOnEnter = (event: KeyboardEvent<HTMLFormElement>): void => {
    // Inputs submit on Enter natively; selects do not.
    if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };
  const textField = (
    field: PatientField & keyof RegistrationForm,
    props: { autoFocus?: boolean; inputMode?: 'numeric' | 'tel'; placeholder?: string; onBlur?: () => void } = {},
  ): ReactNode => (
    <Field label={t(`patient.${field}`)} error={problemOf(field)} name={field}>
      <input
        name={field}
        id={`field-${field}`}
        value={form[field]}
        autoComplete="off"
        aria-invalid={problemOf(field) ? true : undefined}
        aria-describedby={problemOf(field) ? `error-${field}` : undefined}
        onChange={(event) => update({ [field]: event.target.value })}
        {...props}
      />
    </Field>
  );

  return (
    <section className="page">
      <h1>{t('register.title')}</h1>
      {draftRestored && <p className="notice">{t('register.draftRestored')}</p>}
      {problems.length > 0 && (
        <p className="form-error" role="alert">
          {t('register.fixErrors')}
        </p>
      )}
      <form
        ref={formRef}
        className="registration"
        noValidate
        onKeyDown={submitOnEnter}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="row">
          {textField('familyName', { autoFocus: true })}
          {textField('middleName')}
          {textField('givenName')}
        </div>
        <div className="row">
          {textField('dateOfBirth', {
            placeholder: t('patient.dateOfBirthHint'),
            inputMode: 'numeric',
            onBlur: () => {
              const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(form.dateOfBirth.trim());
              if (digits) update({ dateOfBirth: `${digits[1]}/${digits[2]}/${digits[3]}` });
            },
          })}
          <Field label={t('patient.sex')} error={problemOf('sex')} name="sex">
            <select
              name="sex"
              id="field-sex"
              value={form.sex}
              onChange={(event) => update({ sex: event.target.value as RegistrationForm['sex'] })}
            >
              <option value="">{t('patient.choose')}</option>
              <option value="male">{t('patient.male')}</option>
              <option value="female">{t('patient.female')}</option>
            </select>
          </Field>
          <Field label={t('patient.ethnicity')} error={problemOf('ethnicityCode')} name="ethnicityCode">
            <select
              name="ethnicityCode"
              id="field-ethnicityCode"
              value={form.ethnicityCode}
              onChange={(event) => update({ ethnicityCode: event.target.value })}
            >
              {ETHNICITIES.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="row">
          {textField('cccd', { inputMode: 'numeric' })}
          {textField('bhyt')}
          {textField('phone', { inputMode: 'tel' })}
        </div>
        {existingPatient && (
          <p className="existing-patient">
            <a
              href={`#/patients/${existingPatient.id}`}
              data-testid="existing-patient-link"
              onClick={(event) => {
                event.preventDefault();
                navigate({ page: 'patient', id: existingPatient.id });
              }}
            >
              {t('register.openExisting', { code: existingPatient.patientCode, name: fullName(existingPatient) })}
            </a>
          </p>
        )}
        <div className="row">
          <Field label={t('patient.province')} error={problemOf('provinceCode')} name="provinceCode">
            <select
              name="provinceCode"
              id="field-provinceCode"
              value={form.provinceCode}
              onChange={(event) => update({ provinceCode: event.target.value, wardCode: '' })}
            >
              <option value="">{t('patient.choose')}</option>
              {PROVINCES.map((province) => (
                <option key={province.code} value={province.code}>
                  {province.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('patient.ward')} error={problemOf('wardCode')} name="wardCode">
            <select
              name="wardCode"
              id="field-wardCode"
              value={form.wardCode}
              disabled={wards.length === 0}
              onChange={(event) => update({ wardCode: event.target.value })}
            >
              <option value="">{t('patient.choose')}</option>
              {wards.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
          {textField('street')}
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('register.save')}
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(EMPTY_REGISTRATION_FORM);
              setProblems([]);
              setExistingPatient(undefined);
              setDraftRestored(false);
            }}
          >
            {t('register.clear')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Field({
  label,
  error,
  name,
  children,
}: {
  label: string;
  error: string | undefined;
  name: string;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={`field-${name}`}>{label}</label>
      {children}
      {error && (
        <span className="field-error" id={`error-${name}`} data-testid={`error-${name}`}>
          {error}
        </span>
      )}
    </div>
  );
}
