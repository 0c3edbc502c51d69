import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffAccount } from './staff-api';
import { generatedPassword, passwordError } from './staff-form-values';

/**
 * A temporary password for one account, typed or generated (the generated one fills the field,
 * so the admin sees what will be set). Enter resets, Escape cancels.
 */
export function PasswordResetForm({
  account,
  serverError,
  busy,
  onSave,
  onCancel,
}: {
  account: StaffAccount;
  serverError: string | null;
  busy: boolean;
  onSave: (password: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState(() => generatedPassword());
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="staff-form card"
      aria-labelledby="reset-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = passwordError(password, account.username);
        setProblem(found);
        if (found) document.getElementById('reset-password')?.focus();
        else onSave(password);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id="reset-form-title">{t('staff.resetTitle', { name: account.displayName, username: account.username })}</h2>
      <div className="grid">
        <label htmlFor="reset-password">{t('staff.temporaryPassword')}</label>
        <div>
          <div className="password-row">
            <input
              id="reset-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              maxLength={128}
              autoComplete="new-password"
              spellCheck={false}
              autoFocus
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'reset-password-error' : undefined}
            />
            <button type="button" onClick={() => setPassword(generatedPassword())}>
              {t('staff.generate')}
            </button>
          </div>
          <span className="hint">{t('staff.passwordHint')}</span>
          {problem && (
            <span className="field-error" id="reset-password-error" data-testid="reset-error">
              {t(`staff.errors.${problem}`)}
            </span>
          )}
        </div>
      </div>
      {serverError && (
        <p className="form-error" role="alert">
          {serverError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="reset-save">
          {t('staff.resetSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('staff.cancel')}
        </button>
      </div>
    </form>
  );
}
