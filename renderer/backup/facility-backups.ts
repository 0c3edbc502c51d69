import { BehaviorSubject, type Observable } from 'rxjs';
import { newBackupKey, sealBackup } from '../../shared/backup/backup-file';
import type { SenDatabase } from '../db/collections';
import { collectBackup, type BackupSource } from './backup-content';
import { backupFileName, isBackupDue, nextBackupAt } from './backup-schedule';
import {
  backupKeyOf,
  readBackupSettings,
  settingsForKey,
  writeBackupSettings,
  type BackupRecord,
  type BackupSettings,
} from './backup-settings';
import type { BackupTarget } from './backup-target';

export interface BackupState {
  /** Null until the facility admin sets up a recovery code */
  settings: BackupSettings | null;
  running: boolean;
  /** When the schedule makes the next one (ISO); null before set-up */
  nextAt: string | null;
}

/** The name scheduled backups are recorded under, where on-demand ones name the admin. */
export const SCHEDULED = 'schedule';
const SCHEDULE_CHECK_MS = 60_000;

/**
 * The PC's facility backups: the recovery code's key, the folder, the history, and the backups
 * themselves, on demand and on the daily schedule. One backup at a time.
 */
export class FacilityBackups {
  private readonly state = new BehaviorSubject<BackupState>({ settings: null, running: false, nextAt: null });
  readonly state$: Observable<BackupState> = this.state.asObservable();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly database: SenDatabase,
    private readonly source: BackupSource,
    readonly target: BackupTarget,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reads the settings and, where files can be written without anyone (Electron), starts the schedule. */
  async start(): Promise<void> {
    this.publish(await readBackupSettings(this.database), false);
    // A browser cannot save a file unasked: there the page shows when the next one is due.
    if (this.target.kind === 'folder') this.timer = setInterval(() => void this.runIfDue(), SCHEDULE_CHECK_MS);
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** A new recovery code (the page shows it once): the key derived from it seals every later file. */
  setUp(recoveryCode: string, by: string): Promise<void> {
    return this.serially(async () => {
      const previous = await readBackupSettings(this.database);
      const settings = await settingsForKey(await newBackupKey(recoveryCode), by, this.now(), previous);
      await writeBackupSettings(this.database, settings);
      this.publish(settings, false);
    });
  }

  /** Asks for the folder scheduled backups go to; false when the admin cancels. */
  async chooseFolder(): Promise<boolean> {
    const folder = await this.target.pickFolder();
    if (folder === null) return false;
    await this.serially(async () => {
      const settings = await readBackupSettings(this.database);
      if (!settings) throw new Error('Backups are not set up on this PC.');
      const updated = { ...settings, folder };
      await writeBackupSettings(this.database, updated);
      this.publish(updated, false);
    });
    return true;
  }

  /** A backup now; the record says whether it was written (a full USB stick is not an exception). */
  backUpNow(by: string): Promise<BackupRecord> {
    return this.serially(() => this.backUp(by));
  }

  private async runIfDue(): Promise<void> {
    const { settings, running } = this.state.value;
    if (!settings?.folder || running) return;
    const lastOk = settings.history.find((record) => record.ok)?.at ?? null;
    if (!isBackupDue(this.now(), nextBackupAt(lastOk, settings.setUpAt))) return;
    await this.backUpNow(SCHEDULED).catch((error: unknown) => console.error('Sen: scheduled backup failed', error));
  }

  private async backUp(by: string): Promise<BackupRecord> {
    const settings = await readBackupSettings(this.database);
    if (!settings) throw new Error('Backups are not set up on this PC.');
    if (this.target.kind === 'folder' && !settings.folder) throw new Error('No backup folder has been chosen.');
    this.publish(settings, true);
    const at = this.now();
    const fileName = backupFileName(this.source.facility.code, at);
    let record: BackupRecord;
    try {
      const { header, content } = await collectBackup(this.database, this.source, at);
      const text = await sealBackup(header, content, await backupKeyOf(settings));
      await this.target.save(settings.folder, fileName, text);
      const documents = Object.values(header.counts).reduce((sum, count) => sum + count, 0);
      record = { at: at.toISOString(), fileName, ok: true, by, documents, unsent: header.unsent, bytes: text.length };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      record = { at: at.toISOString(), fileName, ok: false, by, documents: 0, unsent: 0, bytes: 0, error: message };
    }
    const updated = { ...settings, history: [record, ...settings.history] };
    await writeBackupSettings(this.database, updated);
    this.publish(updated, false);
    return record;
  }

  private publish(settings: BackupSettings | null, running: boolean): void {
    const lastOk = settings?.history.find((record) => record.ok)?.at ?? null;
    const nextAt = settings ? nextBackupAt(lastOk, settings.setUpAt).toISOString() : null;
    this.state.next({ settings, running, nextAt });
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const done = this.queue.then(task);
    this.queue = done.catch(() => undefined);
    return done;
  }
}
