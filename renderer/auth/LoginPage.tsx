import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { map } from 'rxjs';
import type { RecentUser } from './session';
import { useObservable } from '../db/hooks';
import { loginFailureMessage } from './login-messages';
import { useServices } from '../app/services-context';
import { StatusBar } from '../app/StatusBar';

/** Who is at the desk: checked offline against the accounts synced from the province. */
export function LoginPage() {
  const { t } = useTranslation();
  const { session, staff, device } = useServices();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [recent, setRecent] = useState<RecentUser[]>([]);
  const passwordInput = useRef<HTMLInputElement>(null);
  const [accounts$] = useState(() => staff.list$().pipe(map((list) => list.length)));
  const accounts = useObservable<number | undefined>(accounts$, undefined);

  useEffect(() => {
    void session.recentUsers().then(setRecent);
  }, [session]);

  const submit = async (): Promise<void> => {
    setChecking(true);
    setError(null);
    // Whoever logs in starts from the home page, not on the chart the last user had open (which
    // would also be recorded as opened by them).
    window.location.hash = '#/';
    try {
      const result = await session.login(username, password);
      if (!result.ok) {
        setError(loginFailureMessage(result));
        setPassword('');
        passwordInput.current?.focus();
      }
    } finally {
      setChecking(false);
    }
  };

  const choose = (user: RecentUser): void => {
    setUsername(user.username);
    setPassword('');
    setError(null);
    passwordInput.current?.focus();
  };

  return (
    <div className="shell">
      <main className="page login" data-accounts={accounts ?? ''}>
        <h1>{t('auth.loginTitle')}</h1>
        <p>{t('sync.facility', { name: device.facility.name })}</p>
        {accounts === 0 && (
          <p className="form-warning" role="status">
            {t('auth.noAccounts')}
          </p>
        )}
        {recent.length > 0 && (
          <div className="recent-users" aria-label={t('auth.recentUsers')}>
            <span>{t('auth.recentUsers')}</span>
            {recent.map((user) => (
              <button key={user.id} type="button" onClick={() => choose(user)} data-username={user.username}>
                {user.displayName}
              </button>
            ))}
          </div>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <label>
            {t('auth.username')}
            <input
              name="username"
              maxLength={64}
              value={username}
              autoComplete="username"
              autoFocus
              required
              onChange={(event) => setUsername(event.target.value)}
            />
          </label>
          <label>
            {t('auth.password')}
            <input
              ref={passwordInput}
              name="password"
              type="password"
              value={password}
              autoComplete="current-password"
              required
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={checking}>
            {checking ? t('auth.checking') : t('auth.login')}
          </button>
        </form>
      </main>
      <StatusBar />
    </div>
  );
}
