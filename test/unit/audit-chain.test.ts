import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify-audit-chain';
import { auditEntryHash, auditEntryId, GENESIS_HASH, type AuditEntry } from '../../shared/audit/audit-entry';

const DEVICE = '019a0000-0000-7000-8000-0000000000aa';

async function chain(length: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const content = {
      id: auditEntryId(DEVICE, seq),
      facilityCode: '10010',
      deviceId: DEVICE,
      seq,
      at: `2026-11-23T08:00:0${String(seq % 10)}.000Z`,
      userId: 'staff-1',
      username: 'tiepdon',
      action: 'chart-open' as const,
      patientId: `patient-${String(seq)}`,
      prevHash: entries.at(-1)?.hash ?? GENESIS_HASH,
    };
    entries.push({ ...content, hash: await auditEntryHash(content) });
  }
  return entries;
}

const START = { lastSeq: 0, lastHash: GENESIS_HASH };

describe('the audit hash chain', () => {
  it('accepts an intact chain, in one batch or several', async () => {
    const entries = await chain(6);
    const whole = await verifyAuditChain(START, entries, new Map());
    expect(whole.alerts).toEqual([]);
    expect(whole.inserts.every((insert) => insert.chainOk)).toBe(true);
    const first = await verifyAuditChain(START, entries.slice(0, 3), new Map());
    const second = await verifyAuditChain(first.head, entries.slice(3), new Map());
    expect([...first.alerts, ...second.alerts]).toEqual([]);
    expect(second.head).toEqual(whole.head);
  });

  it('raises entries-missing when an entry was removed on the PC', async () => {
    const entries = await chain(5);
    const verdict = await verifyAuditChain(START, [...entries.slice(0, 2), ...entries.slice(3)], new Map());
    expect(verdict.alerts).toEqual([{ kind: 'entries-missing', seq: 4, details: { from: 3, to: 3 } }]);
    expect(verdict.inserts.map((insert) => insert.chainOk)).toEqual([true, true, false, true]);
  });

  it('raises hash-mismatch when an entry was edited, and chain-broken when it was re-hashed', async () => {
    const entries = await chain(3);
    const edited = entries.map((entry) => (entry.seq === 2 ? { ...entry, patientId: 'someone-else' } : entry));
    expect((await verifyAuditChain(START, edited, new Map())).alerts.map((alert) => alert.kind)).toEqual([
      'hash-mismatch',
    ]);
    // A forger who recomputes the edited entry's hash breaks the link to the next one.
    const { hash: _old, ...content } = { ...entries[1], patientId: 'someone-else' } as AuditEntry;
    const rehashed = { ...content, hash: await auditEntryHash(content) };
    const forged = [entries[0], rehashed, entries[2]] as AuditEntry[];
    expect((await verifyAuditChain(START, forged, new Map())).alerts).toMatchObject([{ kind: 'chain-broken', seq: 3 }]);
  });

  it('ignores a retried entry and flags one that comes back altered', async () => {
    const entries = await chain(2);
    const stored = await verifyAuditChain(START, entries, new Map());
    const hashes = new Map(entries.map((entry) => [entry.seq, entry.hash]));
    const retried = await verifyAuditChain(stored.head, entries, hashes);
    expect(retried).toEqual({ inserts: [], alerts: [], deletedLater: [], head: stored.head });
    const altered = { ...(entries[0] as AuditEntry), hash: 'f'.repeat(64) };
    expect((await verifyAuditChain(stored.head, [altered], hashes)).alerts).toMatchObject([
      { kind: 'entry-altered', seq: 1 },
    ]);
  });
});
