import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { DATABASE_KEY_BYTES, databaseKeySchema } from '../../shared/database-key';

/** The part of Electron's safeStorage this store uses, so that tests can pass a fake. */
export interface OsKeystore {
  /** False also where "encryption" would be a fixed password (Linux without a keyring). */
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

export class KeystoreUnavailableError extends Error {
  override readonly name = 'KeystoreUnavailableError';
  constructor() {
    super('The OS keystore is not available; refusing to create a database key that would be stored in clear.');
  }
}

/**
 * The device's database key: 256 random bits, created on first use and kept in one file,
 * encrypted by the OS keystore (DPAPI on Windows, bound to the Windows user account). It is
 * never written in clear: without the keystore no key is created and the database stays shut.
 *
 * Losing the file (or the Windows profile) makes the local database unreadable; the records
 * come back from the provincial server after the device is enrolled again.
 */
export class DatabaseKeyStore {
  private loading: Promise<string> | undefined;

  constructor(
    private readonly path: string,
    private readonly keystore: OsKeystore,
    private readonly newKeyBytes: () => Buffer = () => randomBytes(DATABASE_KEY_BYTES),
  ) {}

  /** One load per process: two windows asking at once on first run must get the same key. */
  load(): Promise<string> {
    if (this.loading) return this.loading;
    const loading = this.loadOrCreate();
    this.loading = loading;
    // A failure (keystore locked) is tried again on the next call; a success is kept.
    void loading.catch(() => {
      if (this.loading === loading) this.loading = undefined;
    });
    return loading;
  }

  /** Without its key the local database is unreadable: erasing the key erases the data. */
  async forget(): Promise<void> {
    this.loading = undefined;
    await rm(this.path, { force: true });
  }

  private async loadOrCreate(): Promise<string> {
    if (existsSync(this.path)) return this.read();
    if (!(await this.keystore.isAsyncEncryptionAvailable())) throw new KeystoreUnavailableError();
    const key = encodeKey(this.newKeyBytes());
    // Written aside, then linked into place: link fails if another process created the key
    // meanwhile, and then that key is the one.
    const temporary = temporaryPath(this.path);
    await writeFile(temporary, await this.keystore.encryptStringAsync(key));
    try {
      await link(temporary, this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return await this.read();
    } finally {
      await unlink(temporary);
    }
    return key;
  }

  private async read(): Promise<string> {
    const { result, shouldReEncrypt } = await this.keystore.decryptStringAsync(await readFile(this.path));
    const key = databaseKeySchema.parse(result);
    // The OS rotated its own key: store the same database key again under the new one.
    if (shouldReEncrypt) {
      const temporary = temporaryPath(this.path);
      await writeFile(temporary, await this.keystore.encryptStringAsync(key));
      await rename(temporary, this.path);
    }
    return key;
  }
}

function temporaryPath(path: string): string {
  return `${path}.${randomBytes(6).toString('hex')}.tmp`;
}

export function encodeKey(bytes: Buffer): string {
  if (bytes.length !== DATABASE_KEY_BYTES) throw new Error('A database key is 256 bits.');
  return bytes.toString('base64url');
}
