import type { BrowserWindow, Dialog } from 'electron';
import { rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { WriteBackupRequest } from '../../shared/ipc/backup-request';

/** The folder dialog, attached to the app window. */
export async function pickBackupFolder(
  window: BrowserWindow,
  dialog: Pick<Dialog, 'showOpenDialog'>,
): Promise<string | null> {
  const chosen = await dialog.showOpenDialog(window, { properties: ['openDirectory', 'createDirectory'] });
  return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
}

/**
 * Written beside its final name, then renamed: a USB stick pulled out mid-write leaves a
 * `.partial` file, never a truncated backup under a backup's name.
 */
export async function writeBackupFile({ folder, fileName, text }: WriteBackupRequest): Promise<null> {
  if (!isAbsolute(folder)) throw new Error('The backup folder must be an absolute path.');
  const path = join(folder, fileName);
  await writeFile(`${path}.partial`, text, { encoding: 'utf8', flag: 'w' });
  await rename(`${path}.partial`, path);
  return null;
}
