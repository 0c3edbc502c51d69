import {
  deviceCredentialSchema,
  parseClientConfigText,
  type ClientConfig,
  type DeviceCredential,
} from '../../shared/client-config';
import { databaseKeySchema } from '../../shared/database-key';
import type { IpcResult, SenBridge } from '../../shared/ipc/contract';
import { forgetBrowserDatabaseKey, loadBrowserDatabaseKey } from './browser-key-store';
import { DOWNLOAD_TARGET, type BackupTarget } from '../backup/backup-target';

/** What the renderer needs from the machine it runs on. */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  loadConfig(): Promise<ClientConfig>;
  loadCredential(): Promise<DeviceCredential | null>;
  saveCredential(credential: DeviceCredential): Promise<void>;
  /** The key the local database is encrypted with; created on first use. */
  loadDatabaseKey(): Promise<string>;
  /** Forgets the credential and the database key: the local data can no longer be read. */
  forgetDevice(): Promise<void>;
  /** Where facility backups are written: a folder (Electron) or downloads (a browser). */
  readonly backupTarget: BackupTarget;
}

declare global {
  interface Window {
    sen?: SenBridge;
  }
}

export function detectPlatform(): Platform {
  return window.sen ? electronPlatform(window.sen) : browserPlatform();
}

/** In Electron the credential and the database key are encrypted by the OS keystore in the main process. */
function electronPlatform(bridge: SenBridge): Platform {
  return {
    kind: 'electron',
    loadConfig: async () => unwrap(await bridge.getClientConfig(undefined)),
    loadCredential: async () => {
      const stored = unwrap(await bridge.loadDeviceCredential(undefined));
      return stored === null ? null : deviceCredentialSchema.parse(JSON.parse(stored));
    },
    saveCredential: async (credential) => {
      unwrap(await bridge.saveDeviceCredential(JSON.stringify(credential)));
    },
    loadDatabaseKey: async () => databaseKeySchema.parse(unwrap(await bridge.getDatabaseKey(undefined))),
    forgetDevice: async () => {
      unwrap(await bridge.forgetDevice(undefined));
    },
    backupTarget: {
      kind: 'folder',
      pickFolder: async () => unwrap(await bridge.pickBackupFolder(undefined)),
      save: async (folder, fileName, text) => {
        if (folder === null) throw new Error('No backup folder has been chosen.');
        unwrap(await bridge.writeBackupFile({ folder, fileName, text }));
      },
    },
  };
}

const CREDENTIAL_KEY = 'sen.device-credential';

/**
 * Served in a plain browser (the demo without the Electron binary, and the e2e tests) there is
 * no OS keystore: the credential and the database key stay in the page's storage, the key beside
 * the data it encrypts, so the encryption at rest protects nothing here. Not for production use.
 */
function browserPlatform(): Platform {
  return {
    kind: 'browser',
    loadConfig: async () => {
      const response = await fetch('./sen-config.json', { cache: 'no-store' });
      if (!response.ok) throw new Error(`sen-config.json: HTTP ${response.status}`);
      return parseClientConfigText(await response.text(), 'sen-config.json');
    },
    loadCredential: () => {
      const stored = localStorage.getItem(CREDENTIAL_KEY);
      return Promise.resolve(stored === null ? null : deviceCredentialSchema.parse(JSON.parse(stored)));
    },
    saveCredential: (credential) => {
      localStorage.setItem(CREDENTIAL_KEY, JSON.stringify(credential));
      return Promise.resolve();
    },
    loadDatabaseKey: () => loadBrowserDatabaseKey(),
    forgetDevice: async () => {
      localStorage.removeItem(CREDENTIAL_KEY);
      await forgetBrowserDatabaseKey();
    },
    backupTarget: DOWNLOAD_TARGET,
  };
}

function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
