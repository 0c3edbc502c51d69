import { z } from 'zod';

/**
 * The device's database key as it crosses from Electron's main process to the renderer:
 * 32 random bytes (256 bits) in base64url without padding. Everything the local database
 * encrypts is encrypted under keys derived from it (renderer/db/database-secrets.ts).
 */
export const DATABASE_KEY_BYTES = 32;

export const databaseKeySchema = z
  .string()
  .length(43)
  .regex(/^[A-Za-z0-9_-]+$/);
