import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { dueAfterSync, nextCheckDelay } from '../../shared/updates/check-schedule';
import { isNewerVersion } from '../../shared/updates/semver';
import { LATEST_YML, parseUpdateInfo, UPDATES_PATH } from '../../shared/updates/update-feed';

/** A newer version the province staged for this PC's facility. */
export interface UpdateOffer {
  version: string;
  releaseDate: string;
}

export interface UpdateCheckerOptions {
  serverUrl: string;
  /** The device token: the feed answers enrolled PCs only, per facility. */
  token: string;
  /** The version this build runs (shared/app-version.ts, package.json's). */
  runningVersion: string;
  /** Sync's last successful pull: a check follows it, at most every 15 minutes. */
  lastSyncedAt$: Observable<string | null>;
  fetch?: typeof fetch;
  now?: () => number;
  intervalMs?: number;
}

/**
 * Asks the province's feed whether a newer version is staged for this PC: at start, every six
 * hours, after a successful sync, and sooner again after a failed check. Offline or refused, the
 * last answer stands; the feed's "nothing staged" (404) clears the offer.
 */
export class UpdateChecker {
  private readonly offer = new BehaviorSubject<UpdateOffer | null>(null);
  readonly offer$: Observable<UpdateOffer | null> = this.offer.asObservable();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private subscription: Subscription | undefined;
  private lastCheckAt: number | null = null;
  private failures = 0;
  private checking: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: UpdateCheckerOptions) {}

  start(): void {
    let lastSynced: string | null = null;
    this.subscription = this.options.lastSyncedAt$.subscribe((syncedAt) => {
      const synced = syncedAt !== null && syncedAt !== lastSynced;
      lastSynced = syncedAt;
      if (synced && dueAfterSync(this.lastCheckAt, this.now())) void this.check();
    });
    void this.check();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.subscription?.unsubscribe();
  }

  /** One check now (a check already running is joined, not doubled). */
  check(): Promise<void> {
    this.checking ??= this.ask().finally(() => {
      this.checking = null;
      if (this.stopped) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.check(), nextCheckDelay(this.failures, this.options.intervalMs));
    });
    return this.checking;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async ask(): Promise<void> {
    this.lastCheckAt = this.now();
    const get = this.options.fetch ?? fetch;
    try {
      const response = await get(new URL(`${UPDATES_PATH}/${LATEST_YML}`, this.options.serverUrl), {
        headers: { authorization: `Bearer ${this.options.token}` },
        cache: 'no-store',
      });
      if (response.status === 404) {
        this.failures = 0;
        this.offer.next(null);
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
      const parsed = parseUpdateInfo(await response.text());
      if (!parsed.ok) throw new Error(parsed.reason);
      this.failures = 0;
      const { version, releaseDate } = parsed.info;
      this.offer.next(isNewerVersion(version, this.options.runningVersion) ? { version, releaseDate } : null);
    } catch {
      // Offline or a bad answer: keep what the last answer said, and ask again sooner.
      this.failures += 1;
    }
  }
}
