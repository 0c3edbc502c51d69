import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { loginFailureMessage } from './login-messages';
import { useServices } from '../app/services-context';

/** Over the locked app: the same user's password unlocks it; anyone else switches user. */
export function LockScreen({ user }: { user: StaffDocument }) {
  const { t } = useTranslation();
  const { session } = useServices();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const unlock = async (): Promise<void> => {
    setChecking(true);
    try {
      const result = await session.unlock(password);
      if (!result.ok) {
        setError(loginFailureMessage(result));
        setPassword('');
      }
    } finally {
      setChecking(false);
    }
  };

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <form
        className="lock-card"
        onSubmit={(event) => {
          event.preventDefault();
          void unlock();
        }}
      >
        <h1 id="lock-title">{t('auth.lockedTitle')}</h1>
        <p>{t('auth.lockedBy', { name: user.displayName })}</p>
        <label>
          {t('auth.password')}
          <input
            name="unlock-password"
            type="password"
            value={password}
            autoFocus
            required
            autoComplete="current-password"
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={checking}>
            {checking ? t('auth.checking') : t('auth.unlock')}
          </button>
          <button type="button" onClick={() => session.logout()}>
            {t('auth.switchUser')}
          </button>
        </div>
      </form>
    </div>
  );
}
