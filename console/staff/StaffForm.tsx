import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleCheckboxes } from './RoleCheckboxes';
import {
  EMPTY_STAFF,
  generatedPassword,
  staffFormErrors,
  type StaffFormErrors,
  type StaffFormValues,
} from './staff-form-values';

const FIELD_IDS: Record<keyof StaffFormValues, string> = {
  displayName: 'staff-name',
  username: 'staff-username',
  roles: 'staff-role-registrar',
  password: 'staff-password',
};
const FIELD_ORDER: (keyof StaffFormValues)[] = ['displayName', 'username', 'roles', 'password'];

/**
 * A new account of the facility: name, username, roles, a first password (typed or generated).
 * Enter saves, Escape cancels; each field that is not valid says why and nothing is sent.
 */
export function StaffForm({
  facilityName,
  serverError,
  busy,
  onSave,
  onCancel,
}: {
  facilityName: string;
  serverError: string | null;
  busy: boolean;
  onSave: (values: StaffFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY_STAFF);
  const [errors, setErrors] = useState<StaffFormErrors>({});
  const set = <K extends keyof StaffFormValues>(field: K, value: StaffFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const errorId = (field: keyof StaffFormValues) => (errors[field] ? `staff-${field}-error` : undefined);
  const fieldError = (field: keyof StaffFormValues) => {
    const key = errors[field];
    return key ? (
      <span className="field-error" id={`staff-${field}-error`} data-testid={`staff-error-${field}`}>
        {t(`staff.errors.${key}`)}
      </span>
    ) : null;
  };
  const described = (field: keyof StaffFormValues) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {};

  return (
    <form
      className="staff-form card"
      aria-labelledby="staff-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = staffFormErrors(values);
        setErrors(found);
        const firstInvalid = FIELD_ORDER.find((field) => found[field]);
        if (firstInvalid) document.getElementById(FIELD_IDS[firstInvalid])?.focus();
        else onSave({ ...values, displayName: values.displayName.trim() });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id="staff-form-title">{t('staff.createTitle', { facility: facilityName })}</h2>
      <div className="grid">
        <label htmlFor="staff-name">{t('staff.name')}</label>
        <div>
          <input
            id="staff-name"
            value={values.displayName}
            onChange={(event) => set('displayName', event.target.value)}
            maxLength={100}
            autoFocus
            {...described('displayName')}
          />
          {fieldError('displayName')}
        </div>
        <label htmlFor="staff-username">{t('staff.username')}</label>
        <div>
          <input
            id="staff-username"
            value={values.username}
            onChange={(event) => set('username', event.target.value.trim())}
            maxLength={32}
            autoComplete="off"
            spellCheck={false}
            {...described('username')}
          />
          <span className="hint">{t('staff.usernameHint')}</span>
          {fieldError('username')}
        </div>
        <span />
        <div>
          <RoleCheckboxes
            idPrefix="staff-role"
            value={values.roles}
            onChange={(roles) => set('roles', roles)}
            errorId={errorId('roles')}
          />
          {fieldError('roles')}
        </div>
        <label htmlFor="staff-password">{t('staff.password')}</label>
        <div>
          <div className="password-row">
            <input
              id="staff-password"
              value={values.password}
              onChange={(event) => set('password', event.target.value)}
              maxLength={128}
              autoComplete="new-password"
              spellCheck={false}
              {...described('password')}
            />
            <button type="button" data-testid="staff-generate" onClick={() => set('password', generatedPassword())}>
              {t('staff.generate')}
            </button>
          </div>
          <span className="hint">{t('staff.passwordHint')}</span>
          {fieldError('password')}
        </div>
      </div>
      {serverError && (
        <p className="form-error" role="alert" data-testid="staff-form-error">
          {serverError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="staff-save">
          {t('staff.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('staff.cancel')}
        </button>
      </div>
    </form>
  );
}
