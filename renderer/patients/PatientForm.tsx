import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVINCES } from '../../shared/admin-units/admin-units';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import { ETHNICITIES } from '../../shared/patient/ethnicities';
import { birthDateAgeCheck, completedMonths } from '../../shared/patient/patient-age';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { PatientField, PatientProblem } from '../../shared/patient/patient-problems';
import type { PossibleDuplicate } from '../../shared/patient/possible-duplicates';
import { GUARDIAN_RELATIONS } from '../../shared/patient/patient-guardian';
import { guardianAsked, type RegistrationForm } from '../../shared/patient/registration-form';
import { parseTypedDate, tidyTypedDate } from '../../shared/text/dates';
import { fullName } from '../app/format';
import type { Route } from '../app/route';
import type { SaveOptions } from './patients-repository';
import { birthDateWithAge, localToday } from './patient-format';
import './patients.css';

const byVietnameseName = (a: readonly [string, string], b: readonly [string, string]): number =>
  a[1].localeCompare(b[1], 'vi');

export type SubmitOutcome = {
  problems: PatientProblem[];
  existingPatient?: PatientDocument | undefined;
  /** Registered patients who may be this one: shown, and saved past only when the clerk says so. */
  duplicates?: PossibleDuplicate[] | undefined;
} | null;

interface PatientFormProps {
  form: RegistrationForm;
  onChange: (form: RegistrationForm) => void;
  /** Resolves to null on success, or to the problems to show next to the fields. */
  onSubmit: (form: RegistrationForm, options: SaveOptions) => Promise<SubmitOutcome>;
  submitLabel: string;
  navigate: (route: Route) => void;
  /** Buttons beside the submit button */
  children?: ReactNode;
}

/**
 * The patient's demographics as a keyboard-first form, for registration and for edits: fields
 * in Tab order, Enter submits from any field, each problem shown in words next to its field.
 */
export function PatientForm({ form, onChange, onSubmit, submitLabel, navigate, children }: PatientFormProps) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<PatientProblem[]>([]);
  const [existingPatient, setExistingPatient] = useState<PatientDocument | undefined>();
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const duplicatesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (duplicates.length > 0) duplicatesRef.current?.focus();
  }, [duplicates]);
  const wards = useMemo(
    () => [...(PROVINCES.find((province) => province.code === form.provinceCode)?.wards ?? [])].sort(byVietnameseName),
    [form.provinceCode],
  );

  const update = (change: Partial<RegistrationForm>): void => {
    // A list of look-alikes was about the form as it was: any change asks again at the next save.
    setDuplicates([]);
    // A field being retyped no longer shows the problem of what it held (a warning may replace it).
    setProblems((shown) => shown.filter((problem) => !(problem.field in change)));
    onChange({ ...form, ...change });
  };
  const birthDate = parseTypedDate(form.dateOfBirth);
  const today = localToday();
  const ageWarning =
    birthDate !== null && birthDateAgeCheck(birthDate, today) === 'unusual'
      ? t('patient.dateOfBirthUnusual', { count: Math.floor(completedMonths(birthDate, today) / 12) })
      : undefined;
  const problemOf = (field: PatientField): string | undefined => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem ? t(`problems.${problem.code}`, { defaultValue: t('problems.unknown') }) : undefined;
  };
  const submit = async (options: SaveOptions = {}): Promise<void> => {
    const outcome = await onSubmit(form, options);
    setProblems(outcome?.problems ?? []);
    setExistingPatient(outcome?.existingPatient);
    setDuplicates(outcome?.duplicates ?? []);
    const firstField = outcome?.problems[0]?.field;
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
    warning?: string,
  ): ReactNode => (
    <Field label={t(`patient.${field}`)} error={problemOf(field)} warning={warning} name={field}>
      <input
        name={field}
        id={`field-${field}`}
        value={form[field]}
        autoComplete="off"
        aria-invalid={problemOf(field) ? true : undefined}
        aria-describedby={problemOf(field) ? `error-${field}` : warning ? `warning-${field}` : undefined}
        onChange={(event) => update({ [field]: event.target.value })}
        {...props}
      />
    </Field>
  );

  return (
    <>
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
          {textField(
            'dateOfBirth',
            {
              placeholder: t('patient.dateOfBirthHint'),
              inputMode: 'numeric',
              // The same parse as saving (parseTypedDate): what Tab tidies, Enter accepts.
              onBlur: () => {
                const tidy = tidyTypedDate(form.dateOfBirth);
                if (tidy !== form.dateOfBirth) update({ dateOfBirth: tidy });
              },
            },
            ageWarning,
          )}
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
        {guardianAsked(form, today) && (
          // A young child comes with a parent or guardian: who they are, and how to reach them.
          <fieldset className="row guardian" data-testid="guardian-fields">
            <legend>{t('patient.guardianTitle')}</legend>
            {textField('guardianName')}
            <Field label={t('patient.guardianRelation')} error={problemOf('guardianRelation')} name="guardianRelation">
              <select
                name="guardianRelation"
                id="field-guardianRelation"
                value={form.guardianRelation}
                aria-invalid={problemOf('guardianRelation') ? true : undefined}
                onChange={(event) =>
                  update({ guardianRelation: event.target.value as RegistrationForm['guardianRelation'] })
                }
              >
                <option value="">{t('patient.choose')}</option>
                {GUARDIAN_RELATIONS.map((relation) => (
                  <option key={relation} value={relation}>
                    {t(`patient.relation.${relation}`)}
                  </option>
                ))}
              </select>
            </Field>
            {textField('guardianCccd', { inputMode: 'numeric' })}
            {textField('guardianPhone', { inputMode: 'tel' })}
          </fieldset>
        )}
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
              {t('register.openExisting', {
                code: displayPatientCode(existingPatient.patientCode),
                name: fullName(existingPatient),
              })}
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
        {duplicates.length > 0 && (
          <div
            className="possible-duplicates"
            role="alert"
            tabIndex={-1}
            ref={duplicatesRef}
            data-testid="possible-duplicates"
          >
            <h2>{t('register.duplicatesTitle', { count: duplicates.length })}</h2>
            <p>{t('register.duplicatesExplain')}</p>
            <ul>
              {duplicates.map(({ patient, reasons }) => (
                <li key={patient.id}>
                  <a
                    href={`#/patients/${patient.id}`}
                    data-testid="duplicate-link"
                    onClick={(event) => {
                      event.preventDefault();
                      navigate({ page: 'patient', id: patient.id });
                    }}
                  >
                    <span className="patient-code">{displayPatientCode(patient.patientCode)}</span> –{' '}
                    {fullName(patient)}
                  </a>{' '}
                  · {birthDateWithAge(t, patient.dateOfBirth, today)} ·{' '}
                  {reasons.map((reason) => t(`register.${reason}`)).join(', ')}
                </li>
              ))}
            </ul>
            <button
              type="button"
              data-testid="confirm-distinct"
              onClick={() => void submit({ confirmedDistinct: true })}
            >
              {t('register.confirmDistinct')}
            </button>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {submitLabel}
          </button>
          {children}
        </div>
      </form>
    </>
  );
}

function Field({
  label,
  error,
  warning,
  name,
  children,
}: {
  label: string;
  error: string | undefined;
  warning?: string | undefined;
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
      {!error && warning && (
        <span className="field-warning" id={`warning-${name}`} data-testid={`warning-${name}`}>
          {warning}
        </span>
      )}
    </div>
  );
}
