import type { SyncErrorCode } from '../../shared/sync/protocol';

export interface SyncStatus {
  /** The provincial server answered the last request, or the live stream is open. */
  online: boolean;
  /** Device-clock time of the last pull that reached the end of the server's changes. */
  lastSyncedAt: string | null;
  /** Local writes of records (patients, visits, staff…) the server has not acknowledged. */
  unsent: number;
  /** Entries of this PC's audit trail the server has not acknowledged. */
  unsentAudit: number;
  /** Offline: when this PC tries to reach the server again (device clock, ISO 8601). */
  nextRetryAt: string | null;
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
  unsentAudit: 0,
  nextRetryAt: null,
  problem: null,
  quarantined: 0,
  initialSync: null,
};
