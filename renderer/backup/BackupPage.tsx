import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newRecoveryCode } from '../../shared/backup/backup-file';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { useServices } from '../app/services-context';
import { formatDateTime } from '../app/format';
import { useObservable } from '../db/hooks';
import { SCHEDULED, type BackupState } from './facility-backups';

const NO_STATE: BackupState = { settings: null, running: false, nextAt: null };

/** The facility admin's backups (`#/backup`): the recovery code, where files go, backing up now, history. */
export function BackupPage({ user }: { user: StaffDocument }) {
  const { t } = useTranslation();
  const { backups } = useServices();
  const { settings, running, nextAt } = useObservable(backups.state$, NO_STATE);
  // Shown once, right after it is made: it is stored nowhere, on this PC or elsewhere.
  const [shownCode, setShownCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const byFolder = backups.target.kind === 'folder';
  const lastOk = settings?.history.find((record) => record.ok);

  const act = async (task: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      await task();
    } catch (error) {
      setMessage({ ok: false, text: t('backup.failed', { message: error instanceof Error ? error.message : '' }) });
    } finally {
      setBusy(false);
    }
  };

  const setUp = (): Promise<void> =>
    act(async () => {
      const code = newRecoveryCode();
      await backups.setUp(code, user.displayName);
      setShownCode(code);
    });

  const backUpNow = (): Promise<void> =>
    act(async () => {
      const record = await backups.backUpNow(user.displayName);
      setMessage(
        record.ok
          ? { ok: true, text: t('backup.done', { documents: record.documents, file: record.fileName }) }
          : { ok: false, text: t('backup.failed', { message: record.error ?? '' }) },
      );
    });

  return (
    <section className="page backup-page">
      <h1>{t('backup.title')}</h1>
      <p>{t('backup.intro')}</p>

      <h2>{t('backup.codeTitle')}</h2>
      {shownCode ? (
        <div className="recovery-code">
          <p role="alert">{t('backup.codeOnce')}</p>
          <label htmlFor="recovery-code-shown">{t('backup.codeLabel')}</label>
          <output id="recovery-code-shown" data-testid="recovery-code" className="recovery-code-value">
            {shownCode}
          </output>
          <div className="row-actions">
            <button type="button" onClick={() => window.print()}>
              {t('backup.print')}
            </button>
            <button type="button" className="primary" autoFocus onClick={() => setShownCode(null)}>
              {t('backup.codeWritten')}
            </button>
          </div>
        </div>
      ) : settings ? (
        <>
          <p>{t('backup.setUpAt', { at: formatDateTime(settings.setUpAt), by: settings.setUpBy })}</p>
          <p className="hint">{t('backup.newCodeWarning')}</p>
          <button type="button" disabled={busy} onClick={() => void setUp()}>
            {t('backup.newCode')}
          </button>
        </>
      ) : (
        <>
          <p>{t('backup.notSetUp')}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void setUp()}>
            {t('backup.setUp')}
          </button>
        </>
      )}

      {settings && (
        <>
          <h2>{t('backup.folderTitle')}</h2>
          {byFolder ? (
            <>
              <p>{settings.folder ? t('backup.folder', { folder: settings.folder }) : t('backup.folderNone')}</p>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    await backups.chooseFolder();
                  })
                }
              >
                {t('backup.chooseFolder')}
              </button>
            </>
          ) : (
            <p>{t('backup.downloads')}</p>
          )}
          <p>{lastOk ? t('backup.last', { at: formatDateTime(lastOk.at) }) : t('backup.lastNever')}</p>
          {nextAt && lastOk && (
            <p>{t(byFolder ? 'backup.next' : 'backup.nextByHand', { at: formatDateTime(nextAt) })}</p>
          )}
          <button
            type="button"
            className="primary"
            disabled={busy || running || (byFolder && !settings.folder)}
            onClick={() => void backUpNow()}
          >
            {running ? t('backup.running') : t('backup.now')}
          </button>
        </>
      )}

      {message && (
        <p className={message.ok ? 'form-success' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}

      {settings && settings.history.length > 0 && (
        <>
          <h2>{t('backup.historyTitle')}</h2>
          <table className="patients" data-testid="backup-history">
            <thead>
              <tr>
                <th>{t('backup.at')}</th>
                <th>{t('backup.file')}</th>
                <th>{t('backup.documents')}</th>
                <th>{t('backup.unsent')}</th>
                <th>{t('backup.by')}</th>
                <th>{t('backup.result')}</th>
              </tr>
            </thead>
            <tbody>
              {settings.history.map((record) => (
                <tr key={`${record.at}-${record.fileName}`}>
                  <td>{formatDateTime(record.at)}</td>
                  <td>{record.fileName}</td>
                  <td>{record.documents}</td>
                  <td>{record.unsent}</td>
                  <td>{record.by === SCHEDULED ? t('backup.scheduled') : record.by}</td>
                  <td>{record.ok ? t('backup.ok') : (record.error ?? '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
