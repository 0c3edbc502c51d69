import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceCredential } from '../../shared/client-config';
import { enrollDevice, nextEnrollmentAttempt, type EnrollmentAttempt } from './enroll-device';
import { enrollmentProblem, type EnrollmentProblem } from './enrollment-problem';
import { SyncRequestError } from '../sync/sync-http';
import type { BackupHeader } from '../../shared/backup/backup-file';
import { checkRestoreChoice, headerOf, isRestoreProblem, restoreProblem } from '../backup/first-run-restore';
import { restoreOnNewPc } from '../backup/restore-on-new-pc';
import { RestoreFields } from '../backup/RestoreFields';
import type { Platform } from './platform';

/**
 * First run: the installer types the provincial server's address and the code it issued. A PC
 * replacing a dead one restores the facility's backup first, then enrolls as a new device of the
 * same facility (the old one may already be revoked): the restore is written before the
 * credential is saved, and not at all if anything fails.
 */
export function EnrollmentPage({
  platform,
  defaultServerUrl,
  defaultCode = '',
  defaultDeviceName = '',
  unattended,
  allowInsecureHosts,
  onEnrolled,
}: {
  platform: Pick<Platform, 'loadDatabaseKey'>;
  defaultServerUrl: string;
  /** The code the installer's configuration carries, if any: only the PC's name is left to type. */
  defaultCode?: string;
  defaultDeviceName?: string;
  /** The installer's configuration tried to enroll this PC on its own and could not: why, and the attempt to repeat. */
  unattended?: { problem: EnrollmentProblem; attempt: EnrollmentAttempt };
  allowInsecureHosts: readonly string[];
  onEnrolled: (credential: DeviceCredential) => void;
}) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [code, setCode] = useState(defaultCode);
  const [deviceName, setDeviceName] = useState(defaultDeviceName);
  const [error, setError] = useState<string | null>(() =>
    unattended
      ? t('enroll.unattendedFailed', { reason: t(unattended.problem.key, unattended.problem.values ?? {}) })
      : null,
  );
  // One enrollment in flight at a time: two answers to one request id carry two secrets, and
  // only the later one is valid.
  const [busy, setBusy] = useState(false);
  // Kept across presses of the button, so that a retry after a lost answer is the same request.
  const lastAttempt = useRef<EnrollmentAttempt | undefined>(unattended?.attempt);
  const [restoring, setRestoring] = useState(false);
  const [backupFile, setBackupFile] = useState<File | null>(null);
  const [backupHeader, setBackupHeader] = useState<BackupHeader | null>(null);
  const [recoveryCode, setRecoveryCode] = useState('');

  const chooseFile = (file: File | null): void => {
    setBackupFile(file);
    setBackupHeader(null);
    if (file) void headerOf(file).then(setBackupHeader);
  };

  // Focus where the fix is typed: the address after an address or network problem, else the
  // code when none was given or it was refused, else the PC's name.
  const focus = focusedField(unattended?.problem, defaultCode);

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    // Checked before the enrollment code is spent: a damaged file or a wrong code costs nothing.
    let backupText: string | null = null;
    if (restoring) {
      const checked = await checkRestoreChoice({ file: backupFile, recoveryCode });
      if (isRestoreProblem(checked)) {
        setError(t(checked.key, checked.values ?? {}));
        setBusy(false);
        return;
      }
      backupText = checked.text;
    }
    const attempt = nextEnrollmentAttempt(lastAttempt.current, { serverUrl, code, deviceName });
    lastAttempt.current = attempt;
    try {
      const credential = await enrollDevice(attempt, allowInsecureHosts);
      if (backupText !== null) {
        try {
          await restoreOnNewPc({ platform, credential, text: backupText, recoveryCode });
        } catch (failure) {
          const problem = restoreProblem(failure);
          setError(t(problem.key, problem.values ?? {}));
          return;
        }
      }
      onEnrolled(credential);
    } catch (failure) {
      if (failure instanceof SyncRequestError && failure.code === 'enrollment-request-reused')
        lastAttempt.current = undefined;
      const problem = enrollmentProblem(failure);
      setError(t(problem.key, problem.values ?? {}));
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
          <input
            value={serverUrl}
            onChange={(event) => setServerUrl(event.target.value)}
            required
            autoFocus={focus === 'serverUrl'}
          />
        </label>
        <label>
          {t('enroll.code')}
          <input value={code} onChange={(event) => setCode(event.target.value)} required autoFocus={focus === 'code'} />
        </label>
        <label>
          {t('enroll.deviceName')}
          <input
            id="enroll-device-name"
            value={deviceName}
            onChange={(event) => setDeviceName(event.target.value)}
            required
            maxLength={60}
            autoFocus={focus === 'deviceName'}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={restoring} onChange={(event) => setRestoring(event.target.checked)} />
          {t('backup.restore')}
        </label>
        {restoring && (
          <RestoreFields
            header={backupHeader}
            recoveryCode={recoveryCode}
            onFile={chooseFile}
            onRecoveryCode={setRecoveryCode}
          />
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy && restoring ? t('backup.restoring') : restoring ? t('backup.restoreSubmit') : t('enroll.submit')}
        </button>
      </form>
    </main>
  );
}

const ADDRESS_PROBLEMS = new Set(['enroll.network', 'enroll.insecure-server', 'enroll.server-url-invalid']);

function focusedField(
  problem: EnrollmentProblem | undefined,
  defaultCode: string,
): 'serverUrl' | 'code' | 'deviceName' {
  if (problem && ADDRESS_PROBLEMS.has(problem.key)) return 'serverUrl';
  if (!defaultCode || problem) return 'code';
  return 'deviceName';
}
