import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'sen',
  createBridge((channel, request) => ipcRenderer.invoke(channel, request)),
);
