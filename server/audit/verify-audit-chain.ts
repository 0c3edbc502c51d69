import { auditEntryHash, type AuditEntry } from '../../shared/audit/audit-entry';

export type AuditAlertKind =
  'entries-missing' | 'chain-broken' | 'hash-mismatch' | 'entry-altered' | 'entry-deleted' | 'late-entry';

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

export interface AuditAlert {
  kind: AuditAlertKind;
  seq: number;
  details: Record<string, unknown>;
}

export interface ChainVerdict {
  /** Entries to store, each marked whether it continues the chain intact */
  inserts: { entry: AuditEntry; chainOk: boolean; deleted: boolean }[];
  alerts: AuditAlert[];
  /** Stored entries the PC now reports deleted: an alert for each one not yet marked so */
  deletedLater: number[];
  head: ChainHead;
}

/**
 * Checks a batch of one device's entries (in seq order) against the chain stored so far. Every
 * entry is kept as evidence, even one that breaks the chain; each break raises an alert: a gap
 * in the numbers (entries deleted on the PC), a link to the wrong predecessor, a hash that does
 * not match the content (edited), or an entry already stored arriving with other content.
 */
export async function verifyAuditChain(
  head: ChainHead,
  entries: (AuditEntry & { deleted?: boolean })[],
  storedHashes: ReadonlyMap<number, string>,
): Promise<ChainVerdict> {
  const inserts: ChainVerdict['inserts'] = [];
  const alerts: AuditAlert[] = [];
  const deletedLater: number[] = [];
  let current = head;
  for (const entry of entries) {
    const { hash: _claimed, deleted, ...content } = entry;
    const hashOk = (await auditEntryHash(content)) === entry.hash;
    if (entry.seq <= current.lastSeq) {
      const stored = storedHashes.get(entry.seq);
      if (stored !== undefined && deleted) deletedLater.push(entry.seq);
      if (stored === entry.hash) continue; // a retried push, or the tombstone of a stored entry
      if (stored !== undefined) {
        // Kept whole in the alert: the server's copy stays, the other version is evidence too.
        alerts.push({ kind: 'entry-altered', seq: entry.seq, details: { stored, received: stripDeleted(entry) } });
        continue;
      }
      alerts.push({ kind: 'late-entry', seq: entry.seq, details: { lastSeq: current.lastSeq } });
      if (deleted) alerts.push({ kind: 'entry-deleted', seq: entry.seq, details: {} });
      inserts.push({ entry: stripDeleted(entry), chainOk: false, deleted: deleted === true });
      continue;
    }
    let chainOk = hashOk && !deleted;
    // Deleting an entry on the PC sends a tombstone: the content is kept, the deletion flagged.
    if (deleted) alerts.push({ kind: 'entry-deleted', seq: entry.seq, details: {} });
    if (!hashOk) alerts.push({ kind: 'hash-mismatch', seq: entry.seq, details: { received: entry.hash } });
    if (entry.seq > current.lastSeq + 1) {
      chainOk = false;
      alerts.push({
        kind: 'entries-missing',
        seq: entry.seq,
        details: { from: current.lastSeq + 1, to: entry.seq - 1 },
      });
    } else if (entry.prevHash !== current.lastHash) {
      chainOk = false;
      alerts.push({
        kind: 'chain-broken',
        seq: entry.seq,
        details: { expected: current.lastHash, received: entry.prevHash },
      });
    }
    inserts.push({ entry: stripDeleted(entry), chainOk, deleted: deleted === true });
    current = { lastSeq: entry.seq, lastHash: entry.hash };
  }
  return { inserts, alerts, deletedLater, head: current };
}

function stripDeleted(entry: AuditEntry & { deleted?: boolean }): AuditEntry {
  const { deleted: _deleted, ...stored } = entry;
  return stored;
}
