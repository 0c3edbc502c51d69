import { safeStorage } from 'electron';
import type { OsKeystore } from './database-key-store';

/**
 * Electron's safeStorage as the key store uses it. On Linux without a keyring, safeStorage
 * "encrypts" with a password compiled into Chromium (backend `basic_text`): that counts as
 * unavailable, so no key is written as good as clear.
 */
export function electronKeystore(): OsKeystore {
  return {
    isAsyncEncryptionAvailable: async () =>
      (await safeStorage.isAsyncEncryptionAvailable()) &&
      !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encryptStringAsync: (plainText) => safeStorage.encryptStringAsync(plainText),
    decryptStringAsync: (encrypted) => safeStorage.decryptStringAsync(encrypted),
  };
}
