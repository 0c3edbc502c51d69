import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceCredential } from '../../shared/client-config';
import { enrollDevice, nextEnrollmentAttempt, type EnrollmentAttempt } from './enroll-device';
import { SyncNetworkError, SyncRequestError } from '../sync/sync-http';

/** First run: the installer types the provincial server's address and the code it issued. */
export function EnrollmentPage({
  defaultServerUrl,
  defaultCode = '',
  allowInsecureHosts,
  onEnrolled,
}: {
  defaultServerUrl: string;
  /** The code the installer's configuration carries, if any: only the PC's name is left to type. */
  defaultCode?: string;
  allowInsecureHosts: readonly string[];
  onEnrolled: (credential: DeviceCredential) => void;
}) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [code, setCode] = useState(defaultCode);
  const [deviceName, setDeviceName] = useState('');
  const [error, setError] = useState<string | null>(null);
  // One enrollment in flight at a time: two answers to one request id carry two secrets, and
  // only the later one is valid.
  const [busy, setBusy] = useState(false);
  // Kept across presses of the button, so that a retry after a lost answer is the same request.
  const lastAttempt = useRef<EnrollmentAttempt | undefined>(undefined);

  const submit = async (): Promise<void> => {
    const attempt = nextEnrollmentAttempt(lastAttempt.current, { serverUrl, code, deviceName });
    lastAttempt.current = attempt;
    setBusy(true);
    setError(null);
    try {
      onEnrolled(await enrollDevice(attempt, allowInsecureHosts));
    } catch (failure) {
      if (
        failure instanceof SyncRequestError &&
        (failure.code === 'insecure-server' ||
          failure.code === 'server-url-invalid' ||
          failure.code === 'enrollment-code-invalid' ||
          failure.code === 'device-revoked')
      )
        setError(t(`enroll.${failure.code}`));
      else if (failure instanceof SyncRequestError && failure.code === 'enrollment-request-reused') {
        lastAttempt.current = undefined;
        setError(t('enroll.enrollment-request-reused'));
      } else if (failure instanceof SyncNetworkError || failure instanceof TypeError) setError(t('enroll.network'));
      else setError(t('enroll.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page enroll">
      <h1>{t('enroll.title')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('enroll.serverUrl')}
          <input value={serverUrl} onChange={(event) => setServerUrl(event.target.value)} required />
        </label>
        <label>
          {t('enroll.code')}
          <input value={code} onChange={(event) => setCode(event.target.value)} required autoFocus={!defaultCode} />
        </label>
        <label>
          {t('enroll.deviceName')}
          <input
            id="enroll-device-name"
            value={deviceName}
            onChange={(event) => setDeviceName(event.target.value)}
            required
            maxLength={60}
            autoFocus={Boolean(defaultCode)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('enroll.submit')}
        </button>
      </form>
    </main>
  );
}
