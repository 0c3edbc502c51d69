import { z } from 'zod';

/** A facility backup's file name as the renderer makes it (renderer/backup/backup-schedule.ts). */
export const BACKUP_FILE_NAME = /^sen-[A-Za-z0-9]{1,20}-\d{8}-\d{4}\.senbak$/;

/** A backup file is text; a district hospital's database is tens of megabytes, not gigabytes. */
const BACKUP_MAX_CHARS = 512 * 1024 * 1024;

/**
 * The renderer asks main to write one backup file into the folder the admin picked: only a file
 * named as backups are, so a page cannot write anything else anywhere.
 */
export const writeBackupRequestSchema = z
  .object({
    folder: z.string().min(1).max(1000),
    fileName: z.string().regex(BACKUP_FILE_NAME),
    text: z.string().min(1).max(BACKUP_MAX_CHARS),
  })
  .strict();
export type WriteBackupRequest = z.infer<typeof writeBackupRequestSchema>;
