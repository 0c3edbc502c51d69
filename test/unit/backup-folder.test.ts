import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBackupFile } from '../../electron/main/backup-folder';
import { dispatchIpc, type IpcImplementations } from '../../electron/main/ipc-dispatch';

describe('writing a backup file from Electron main', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sen-backup-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the file whole under its name, with nothing left beside it', async () => {
    await writeBackupFile({ folder, fileName: 'sen-79001-20261203-0905.senbak', text: '{"a":1}' });
    expect(await readdir(folder)).toEqual(['sen-79001-20261203-0905.senbak']);
    expect(await readFile(join(folder, 'sen-79001-20261203-0905.senbak'), 'utf8')).toBe('{"a":1}');
  });

  it('refuses a relative folder', async () => {
    await expect(
      writeBackupFile({ folder: 'backups', fileName: 'sen-1-20261203-0905.senbak', text: 'x' }),
    ).rejects.toThrow(/absolute/);
  });

  it('is refused by the IPC contract for any name that is not a backup’s', async () => {
    const writes: unknown[] = [];
    const implementations = {
      writeBackupFile: (request: unknown) => {
        writes.push(request);
        return Promise.resolve(null);
      },
    } as unknown as IpcImplementations;
    for (const fileName of ['../../Windows/evil.senbak', 'sen-1-20261203-0905.senbak.exe', 'notes.txt']) {
      const result = await dispatchIpc('writeBackupFile', { folder, fileName, text: 'x' }, implementations);
      expect(result.ok).toBe(false);
    }
    expect(writes).toEqual([]);
  });
});
