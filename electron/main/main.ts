import { app, BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_METHODS, ipcChannel } from '../../shared/ipc/contract';
import { loadClientConfig } from './client-config';
import { CredentialStore } from './credential-store';
import { DatabaseKeyStore } from './database-key-store';
import { dispatchIpc, type IpcImplementations } from './ipc-dispatch';
import { hardenDefaultSession, hardenWebContents, secureWebPreferences } from './security';
import { electronKeystore } from './os-keystore';
import { isAppPage } from './trusted-url';

// Built into dist/electron/main.cjs; the renderer build sits in dist/renderer.
const appIndexUrl = pathToFileURL(join(__dirname, '..', 'renderer', 'index.html')).toString();

function registerIpc(): void {
  const userData = app.getPath('userData');
  const credentials = new CredentialStore(join(userData, 'device-credential.bin'));
  const databaseKey = new DatabaseKeyStore(join(userData, 'database-key.bin'), electronKeystore());
  const implementations: IpcImplementations = {
    getClientConfig: () => Promise.resolve(loadClientConfig(join(userData, 'config.json'))),
    loadDeviceCredential: () => credentials.load(),
    saveDeviceCredential: async (credential) => {
      await credentials.save(credential);
      return null;
    },
    getDatabaseKey: () => databaseKey.load(),
  };
  for (const method of IPC_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, request: unknown) => {
      // Only the app's own page may call in, whatever frame or page tries.
      if (!event.senderFrame || !isAppPage(event.senderFrame.url, appIndexUrl)) {
        return { ok: false, error: { code: 'untrusted-sender', message: 'IPC from an untrusted page.' } };
      }
      return dispatchIpc(method, request, implementations);
    });
  }
}

async function createWindow(): Promise<void> {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Sen',
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  hardenWebContents(window.webContents, appIndexUrl);
  await window.loadURL(appIndexUrl);
}

app.enableSandbox();
void app.whenReady().then(async () => {
  hardenDefaultSession();
  registerIpc();
  await createWindow();
});
app.on('window-all-closed', () => app.quit());
