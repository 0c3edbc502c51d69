import {
  BackupRefusedError,
  isRecoveryCodeShaped,
  openBackup,
  readBackupHeader,
  type BackupHeader,
} from '../../shared/backup/backup-file';

/** What the installer chose on the first-run screen to restore from. */
export interface RestoreChoice {
  file: File | null;
  recoveryCode: string;
}

/** A problem to show in Vietnamese: a message key, with its values. */
export type RestoreProblem = { key: string; values?: Record<string, string> };

/**
 * Everything that can be checked before the enrollment code is spent: a file is chosen, the code
 * has its shape, the file is whole and opens with the code. The text is returned to restore from.
 */
export async function checkRestoreChoice(choice: RestoreChoice): Promise<{ text: string } | RestoreProblem> {
  if (!choice.file) return { key: 'backup.noFile' };
  if (!isRecoveryCodeShaped(choice.recoveryCode)) return { key: 'backup.codeShape' };
  const text = await choice.file.text();
  try {
    await openBackup(text, choice.recoveryCode);
  } catch (error) {
    return restoreProblem(error);
  }
  return { text };
}

/** A file's header, to show what it is before anything else (null for a file that is not one). */
export async function headerOf(file: File): Promise<BackupHeader | null> {
  try {
    return await readBackupHeader(await file.text());
  } catch {
    return null;
  }
}

export function restoreProblem(error: unknown): RestoreProblem {
  if (error instanceof BackupRefusedError) return { key: `backup.refused.${error.reason}` };
  return { key: 'backup.restoreFailed', values: { message: error instanceof Error ? error.message : String(error) } };
}

export function isRestoreProblem(value: { text: string } | RestoreProblem): value is RestoreProblem {
  return 'key' in value;
}
