/**
 * The IPC method names, apart from their schemas so that the sandboxed preload bundles no
 * validation library: main validates, the preload only forwards.
 */
export const IPC_METHODS = [
  'getClientConfig',
  'loadDeviceCredential',
  'saveDeviceCredential',
  'getDatabaseKey',
  'forgetDevice',
  'printDocument',
  'pickBackupFolder',
  'writeBackupFile',
  'setUpdateInstallSafety',
] as const;
export type IpcMethod = (typeof IPC_METHODS)[number];

export function ipcChannel(method: IpcMethod): string {
  return `sen:${method}`;
}
