import { IPC_METHODS, ipcChannel } from '../../shared/ipc/channels';
import type { SenBridge } from '../../shared/ipc/contract';

/** ipcRenderer.invoke, as far as the bridge uses it. */
export type Invoke = (channel: string, request: unknown) => Promise<unknown>;

/**
 * One function per contract method: the renderer never sees ipcRenderer or a channel name, and
 * each function forwards exactly one argument, whatever the page passes.
 */
export function createBridge(invoke: Invoke): SenBridge {
  const bridge = Object.fromEntries(
    IPC_METHODS.map((method) => [method, (request: unknown) => invoke(ipcChannel(method), request)]),
  ) as SenBridge;
  return Object.freeze(bridge);
}
