import { contextBridge, ipcRenderer } from 'electron';
import { IPC_METHODS, ipcChannel } from '../../shared/ipc/channels';
import type { SenBridge } from '../../shared/ipc/contract';

// One function per contract method: the renderer never sees ipcRenderer or a channel name.
const bridge = Object.fromEntries(
  IPC_METHODS.map((method) => [method, (request: unknown) => ipcRenderer.invoke(ipcChannel(method), request)]),
) as SenBridge;

contextBridge.exposeInMainWorld('sen', bridge);
