import { z } from 'zod';
import { clientConfigSchema } from '../client-config';
import { databaseKeySchema } from '../database-key';
import type { IpcMethod } from './channels';
import { printRequestSchema, printResponseSchema } from './print-request';
import { writeBackupRequestSchema } from './backup-request';

export { IPC_METHODS, ipcChannel, type IpcMethod } from './channels';

/**
 * The one IPC contract between the renderer and Electron's main process. Main validates every
 * request against these schemas (arguments arrive as `unknown`); the preload exposes one
 * function per method, so the renderer never names a channel.
 */
export const IPC_CONTRACT = {
  getClientConfig: { request: z.undefined(), response: clientConfigSchema },
  /** The device credential, decrypted with the OS keystore; null before enrollment. */
  loadDeviceCredential: { request: z.undefined(), response: z.string().nullable() },
  saveDeviceCredential: { request: z.string().min(1).max(4096), response: z.null() },
  /** The key the local database is encrypted with, kept by main under the OS keystore;
   *  created on first use. */
  getDatabaseKey: { request: z.undefined(), response: databaseKeySchema },
  /** Erases the device credential and the database key: what the local database holds can no
   *  longer be read by anyone (a revoked PC, wiped at the facility admin's decision). */
  forgetDevice: { request: z.undefined(), response: z.null() },
  /** Prints the print view the window shows (system dialog), or saves it as a PDF. */
  printDocument: { request: printRequestSchema, response: printResponseSchema },
  /** The folder facility backups go to (a USB stick, a share), chosen in a dialog; null if cancelled. */
  pickBackupFolder: { request: z.undefined(), response: z.string().max(1000).nullable() },
  /** Writes one backup file into that folder (whole or not at all). */
  writeBackupFile: { request: writeBackupRequestSchema, response: z.null() },
  /** Whether installing a downloaded update would interrupt anyone: false while a visit form is open. */
  setUpdateInstallSafety: { request: z.object({ safe: z.boolean() }).strict(), response: z.null() },
} as const satisfies Record<IpcMethod, { request: z.ZodType; response: z.ZodType }>;
export type IpcRequest<M extends IpcMethod> = z.infer<(typeof IPC_CONTRACT)[M]['request']>;
export type IpcResponse<M extends IpcMethod> = z.infer<(typeof IPC_CONTRACT)[M]['response']>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** `window.sen` as the preload exposes it. */
export type SenBridge = {
  [M in IpcMethod]: (request: IpcRequest<M>) => Promise<IpcResult<IpcResponse<M>>>;
};
