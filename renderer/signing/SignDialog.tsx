import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningProblem } from './signing-repository';

/**
 * The deliberate act of signing: the signer types their password again (checked on this PC
 * against their account) and confirms. Opens with focus in the password field; Enter signs,
 * Escape closes without signing. `children` are fields signed along (an amendment's).
 */
export function SignDialog({
  title,
  explain,
  submitLabel,
  onSign,
  onClose,
  children,
}: {
  title: string;
  explain: string;
  submitLabel: string;
  /** Resolves to the problems that kept it from signing, or [] once signed. */
  onSign: (password: string) => Promise<SigningProblem[]>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<SigningProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const sign = async (): Promise<void> => {
    if (busy) return;
    if (password === '') {
      setProblems([{ field: 'password', code: 'password-required' }]);
      return;
    }
    setBusy(true);
    try {
      const found = await onSign(password);
      setProblems(found);
      if (found.length === 0) onClose();
      else setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="sign-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="sign-dialog-title"
      data-testid="sign-dialog"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <form
        className="sign-card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void sign();
        }}
      >
        <h2 id="sign-dialog-title">{title}</h2>
        <p>{explain}</p>
        {children}
        <div className="field">
          <label htmlFor="sign-password">{t('signing.password')}</label>
          <input
            id="sign-password"
            type="password"
            autoComplete="current-password"
            autoFocus={children === undefined}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {problems.length > 0 && (
          <ul className="form-error" role="alert" data-testid="sign-problems">
            {problems.map((problem) => (
              <li key={`${problem.field}-${problem.code}`}>{t(`signing.problem_${problem.code}`)}</li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="submit" className="primary" data-testid="sign-confirm" disabled={busy}>
            {busy ? t('signing.signing') : submitLabel}
          </button>
          <button type="button" onClick={onClose}>
            {t('signing.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
