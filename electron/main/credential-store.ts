import { safeStorage } from 'electron';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

/**
 * The device credential, encrypted with the OS keystore (DPAPI on Windows) through
 * safeStorage: never written in plain text. Written to a temporary file and renamed, so a
 * crash mid-write leaves the old credential intact.
 */
export class CredentialStore {
  constructor(private readonly path: string) {}

  async load(): Promise<string | null> {
    if (!existsSync(this.path)) return null;
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(await readFile(this.path));
    // The OS rotated its key: store the credential again under the new one.
    if (shouldReEncrypt) await this.save(result);
    return result;
  }

  async forget(): Promise<void> {
    await rm(this.path, { force: true });
  }

  async save(credential: string): Promise<void> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw new Error('The OS keystore is not available; refusing to store the credential.');
    }
    const temporary = `${this.path}.tmp`;
    await writeFile(temporary, await safeStorage.encryptStringAsync(credential));
    await rename(temporary, this.path);
  }
}
