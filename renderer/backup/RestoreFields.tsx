import { useTranslation } from 'react-i18next';
import type { BackupHeader } from '../../shared/backup/backup-file';
import { formatDateTime } from '../app/format';

/** The first-run screen's "Khôi phục từ bản sao lưu" fields: the file, what it is, the recovery code. */
export function RestoreFields({
  header,
  recoveryCode,
  onFile,
  onRecoveryCode,
}: {
  header: BackupHeader | null;
  recoveryCode: string;
  onFile: (file: File | null) => void;
  onRecoveryCode: (code: string) => void;
}) {
  const { t } = useTranslation();
  const documents = header ? Object.values(header.counts).reduce((sum, count) => sum + count, 0) : 0;
  return (
    <fieldset className="restore-backup">
      <legend>{t('backup.restore')}</legend>
      <p className="hint">{t('backup.restoreIntro')}</p>
      <label>
        {t('backup.restoreFile')}
        <input
          type="file"
          accept=".senbak"
          required
          data-testid="backup-file"
          onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        />
      </label>
      {header && (
        <p role="status" data-testid="backup-summary">
          {t('backup.fileSummary', {
            facility: header.facility.name,
            code: header.facility.code,
            at: formatDateTime(header.createdAt),
            documents,
            unsent: header.unsent,
          })}
        </p>
      )}
      <label>
        {t('backup.recoveryCode')}
        <input
          value={recoveryCode}
          onChange={(event) => onRecoveryCode(event.target.value)}
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
        />
      </label>
    </fieldset>
  );
}
