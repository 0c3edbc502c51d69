import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { clientConfigPaths, loadClientConfig } from './client-config';
import { CredentialStore } from './credential-store';
import type { IpcImplementations } from './ipc-dispatch';
import { registerIpcHandlers } from './ipc-handlers';
import { hardenWindow } from './security';
import { appWindowOptions } from './window-options';
import { DatabaseKeyStore } from './database-key-store';
import { electronKeystore } from './os-keystore';
import { electronPrintTarget } from './electron-print-target';
import { printDocument } from './print-document';
import { pickBackupFolder, writeBackupFile } from './backup-folder';
import { startAutoUpdate } from './auto-update';

// Built into dist/electron/main.cjs; the renderer build sits in dist/renderer.
const appIndexUrl = pathToFileURL(join(__dirname, '..', 'renderer', 'index.html')).toString();

// The one app window. Only its main frame may call IPC (ipc-sender.ts), so a print request
// always prints this window's print view.
let appWindow: BrowserWindow | null = null;

function ipcImplementations(): IpcImplementations {
  const userData = app.getPath('userData');
  const credentials = new CredentialStore(join(userData, 'device-credential.bin'));
  const databaseKey = new DatabaseKeyStore(join(userData, 'database-key.bin'), electronKeystore());
  const updates = startAutoUpdate({ loadCredential: () => credentials.load(), window: () => appWindow, dialog });
  return {
    // Read at every start: the installer (build/installer.nsh) writes it per machine.
    getClientConfig: () =>
      Promise.resolve(
        loadClientConfig(
          clientConfigPaths({ platform: process.platform, programData: process.env.PROGRAMDATA, userData }),
        ),
      ),
    loadDeviceCredential: () => credentials.load(),
    saveDeviceCredential: async (credential) => {
      await credentials.save(credential);
      return null;
    },
    getDatabaseKey: () => databaseKey.load(),
    forgetDevice: async () => {
      await databaseKey.forget();
      await credentials.forget();
      return null;
    },
    printDocument: (request) => {
      if (appWindow === null) return Promise.reject(new Error('no window to print'));
      return printDocument(request, electronPrintTarget(appWindow, dialog));
    },
    pickBackupFolder: () => {
      if (appWindow === null) return Promise.reject(new Error('no window for the dialog'));
      return pickBackupFolder(appWindow, dialog);
    },
    writeBackupFile,
    setUpdateInstallSafety: async ({ safe }) => {
      await updates.setSafe(safe);
      return null;
    },
  };
}

async function createWindow(): Promise<void> {
  const window = new BrowserWindow(appWindowOptions(join(__dirname, 'preload.cjs'), app.isPackaged));
  appWindow = window;
  window.on('closed', () => {
    appWindow = null;
  });
  // Before the first load, so the page never runs unguarded.
  hardenWindow(window, appIndexUrl);
  await window.loadURL(appIndexUrl);
}

app.enableSandbox();
void app.whenReady().then(async () => {
  // No menu: its accelerators (reload, DevTools, zoom) are not for a clinical desk.
  Menu.setApplicationMenu(null);
  registerIpcHandlers(ipcMain, appIndexUrl, ipcImplementations());
  await createWindow();
});
app.on('window-all-closed', () => app.quit());
