import { IPC_METHODS, ipcChannel, type IpcResult } from '../../shared/ipc/contract';
import { dispatchIpc, ipcRefusal, type IpcImplementations } from './ipc-dispatch';
import { isTrustedSender, type IpcSenderEvent } from './ipc-sender';

export type IpcHandler = (event: IpcSenderEvent, ...args: unknown[]) => Promise<IpcResult<unknown>>;

/** Electron's ipcMain, as far as registering handlers goes. */
export interface IpcRegistrar {
  handle(channel: string, listener: IpcHandler): void;
}

/**
 * The handler of one contract method: the sender is checked before anything else, then the
 * single argument the preload forwards is validated. The answer is always an envelope.
 */
export function createIpcHandler(method: string, appIndexUrl: string, implementations: IpcImplementations): IpcHandler {
  return async (event, ...args) => {
    if (!isTrustedSender(event, appIndexUrl)) return ipcRefusal('untrusted-sender', 'IPC from an untrusted page.');
    // The preload forwards exactly one argument; more means someone else is calling.
    if (args.length > 1) return ipcRefusal('invalid-ipc-request', 'An IPC method takes one argument.');
    return dispatchIpc(method, args[0], implementations);
  };
}

/** One channel per contract method and no other: a channel nobody handles is refused by Electron. */
export function registerIpcHandlers(
  ipcMain: IpcRegistrar,
  appIndexUrl: string,
  implementations: IpcImplementations,
): void {
  for (const method of IPC_METHODS) {
    ipcMain.handle(ipcChannel(method), createIpcHandler(method, appIndexUrl, implementations));
  }
}
