import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError, AdminClient, type StoredSession } from '../api/admin-client';
import { LanguageSwitch } from './LanguageSwitch';

/** Username and password; Enter signs in. `reason` says why an earlier session ended. */
export function SignInPage({
  reason,
  onSignedIn,
}: {
  reason: string | null;
  onSignedIn: (session: StoredSession) => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(
    reason === 'session-expired' ? t('signIn.expired') : reason === 'account-locked' ? t('signIn.locked') : null,
  );

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await AdminClient.signIn(username.trim(), password));
    } catch (failure) {
      setPassword('');
      if (failure instanceof AdminApiError && failure.code === 'account-locked') setError(t('signIn.locked'));
      else if (failure instanceof AdminApiError && failure.code === 'network') setError(t('errors.network'));
      else if (failure instanceof AdminApiError && failure.status === 401) setError(t('signIn.wrong'));
      else setError(t('errors.unknown', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="brand">{t('brand')}</p>
        <h1>{t('signIn.title')}</h1>
        <label htmlFor="sign-in-username">{t('signIn.username')}</label>
        <input
          id="sign-in-username"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          required
          autoFocus
        />
        <label htmlFor="sign-in-password">{t('signIn.password')}</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        {error && (
          <p className="form-error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
