import { newBackupKey, openBackup, type BackupHeader } from '../../shared/backup/backup-file';
import type { DeviceCredential } from '../../shared/client-config';
import { createSenDatabase, localDatabaseName, type DatabaseOptions } from '../db/create-database';
import { deleteLocalDatabase } from '../db/delete-local-database';
import type { SenDatabase } from '../db/collections';
import type { Platform } from '../device/platform';
import { restoreBackupContent, isEmptyDatabase, type RestoredCounts } from './backup-content';
import { settingsForKey, writeBackupSettings } from './backup-settings';

/** Who set up the backups a restored PC goes on making: the restore itself. */
export const SET_UP_BY_RESTORE = 'restore';

/**
 * Restores an opened backup into this PC's database for the facility the PC has just enrolled
 * in, before its credential is saved: a failure leaves no database behind, and the credential
 * unsaved, so the installer can try again. The backup goes on under the same recovery code.
 */
export async function restoreOnNewPc(options: {
  platform: Pick<Platform, 'loadDatabaseKey'>;
  credential: DeviceCredential;
  text: string;
  recoveryCode: string;
  now?: Date;
  /** Tests' storage (Dexie over fake-indexeddb), as createSenDatabase takes it */
  storage?: Pick<DatabaseOptions, 'storage' | 'validate'> & { indexedDB?: IDBFactory };
}): Promise<{ header: BackupHeader; restored: RestoredCounts }> {
  const { platform, credential, text, recoveryCode } = options;
  // Refused here (damaged, wrong code, another facility) before a database is even opened.
  const { header, content } = await openBackup(text, recoveryCode, credential.facility.code);
  const name = localDatabaseName(credential.facility.code);
  const { indexedDB: factory, ...storage } = options.storage ?? {};
  const database = await createSenDatabase({ name, databaseKey: await platform.loadDatabaseKey(), ...storage });
  if (!(await isEmptyDatabase(database))) {
    await database.close();
    throw new Error('This PC already holds records of the facility: a backup is restored only on an empty PC.');
  }
  let restored: RestoredCounts;
  try {
    restored = await restoreInto(database, content, recoveryCode, options.now ?? new Date());
  } catch (error) {
    // Nothing half-written: the database this restore created goes with it.
    await database.close();
    await deleteLocalDatabase(name, factory);
    throw error;
  }
  await database.close();
  return { header, restored };
}

async function restoreInto(
  database: SenDatabase,
  content: Parameters<typeof restoreBackupContent>[1],
  recoveryCode: string,
  now: Date,
): Promise<RestoredCounts> {
  const restored = await restoreBackupContent(database, content);
  const settings = await settingsForKey(await newBackupKey(recoveryCode), SET_UP_BY_RESTORE, now, null);
  await writeBackupSettings(database, settings);
  return restored;
}
