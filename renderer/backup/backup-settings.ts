import { z } from 'zod';
import { backupKdfSchema, type BackupKey } from '../../shared/backup/backup-file';
import { BASE64, fromBase64, toBase64 } from '../../shared/encoding/base64';
import type { SenDatabase } from '../db/collections';
import { readLocalState, writeLocalState } from '../db/local-state';

const SETTINGS_ID = 'backup-settings';
const HISTORY_KEPT = 30;

export const backupRecordSchema = z.object({
  at: z.string(),
  fileName: z.string(),
  ok: z.boolean(),
  /** Scheduled, or made on demand by the admin named */
  by: z.string(),
  documents: z.number().int().min(0),
  unsent: z.number().int().min(0),
  bytes: z.number().int().min(0),
  error: z.string().optional(),
});
export type BackupRecord = z.infer<typeof backupRecordSchema>;

/**
 * This PC's backup settings, in its local state (encrypted at rest under the database key, and
 * left out of the backups themselves). The recovery code is never stored: only the key derived
 * from it, so that scheduled backups need nobody to type it.
 */
const backupSettingsSchema = z.object({
  kdf: backupKdfSchema,
  key: z.string().regex(BASE64),
  setUpAt: z.string(),
  setUpBy: z.string(),
  folder: z.string().nullable(),
  history: z.array(backupRecordSchema),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export async function readBackupSettings(database: SenDatabase): Promise<BackupSettings | null> {
  const stored = await readLocalState<unknown>(database, SETTINGS_ID);
  const parsed = backupSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function writeBackupSettings(database: SenDatabase, settings: BackupSettings): Promise<void> {
  await writeLocalState(database, SETTINGS_ID, { ...settings, history: settings.history.slice(0, HISTORY_KEPT) });
}

/** Settings for a new recovery code's key (the folder and history kept from before, if any). */
export async function settingsForKey(
  backupKey: BackupKey,
  by: string,
  at: Date,
  previous: BackupSettings | null,
): Promise<BackupSettings> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', backupKey.key));
  return {
    kdf: backupKey.kdf,
    key: toBase64(raw),
    setUpAt: at.toISOString(),
    setUpBy: by,
    folder: previous?.folder ?? null,
    history: previous?.history ?? [],
  };
}

export async function backupKeyOf(settings: BackupSettings): Promise<BackupKey> {
  const key = await crypto.subtle.importKey('raw', fromBase64(settings.key), { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
  return { key, kdf: settings.kdf };
}
