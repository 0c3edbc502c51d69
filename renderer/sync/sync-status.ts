import type { SyncErrorCode } from '../../shared/sync/protocol';

export interface SyncStatus {
  /** The provincial server answered the last request, or the live stream is open. */
  online: boolean;
  /** Device-clock time of the last pull that reached the end of the server's changes. */
  lastSyncedAt: string | null;
  /** Local writes the server has not acknowledged. */
  unsent: number;
  /** Why sync cannot proceed without someone acting (revoked device, outdated app…), if so. */
  problem: SyncErrorCode | 'unexpected-response' | null;
  /** Documents the server refused, held in quarantine on this device. */
  quarantined: number;
  /** While a new or reset device downloads the facility's records. */
  initialSync: InitialSyncProgress | null;
}

export interface InitialSyncProgress {
  done: number;
  total: number;
  /** Seconds left at the rate so far; null until there is a rate. */
  secondsLeft: number | null;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  online: false,
  lastSyncedAt: null,
  unsent: 0,
  problem: null,
  quarantined: 0,
  initialSync: null,
};
