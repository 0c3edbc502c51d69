import { describe, expect, it } from 'vitest';
import { lineageAfter, lineageOf, mergedLineage, revisionOf } from '../../shared/sync/revision';
import { LINEAGE_MAX } from '../../shared/sync/sync-meta';

describe('revisions and lineage', () => {
  it('gives equal content the same 22-character revision, whatever the key order or envelope', async () => {
    const a = await revisionOf({ id: 'x', phone: '0912', _deleted: false });
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await revisionOf({ phone: '0912', id: 'x' })).toBe(a);
    expect(await revisionOf({ id: 'x', phone: '0912', syncMeta: { lineage: [a], signature: null }, _rev: '2-b' })).toBe(
      a,
    );
    expect(await revisionOf({ id: 'x', phone: '0913' })).not.toBe(a);
    expect(await revisionOf({ id: 'x', phone: '0912', _deleted: true })).not.toBe(a);
  });

  it('puts the version an edit was made on first, before what that version was made on', async () => {
    const previous = { id: 'x', phone: '0912' };
    const revision = await revisionOf(previous);
    expect(await lineageAfter(previous, [])).toEqual([revision]);
    expect(await lineageAfter(previous, ['older-1', 'older-2'])).toEqual([revision, 'older-1', 'older-2']);
  });

  it('keeps each revision once, newest first, and at most 16', async () => {
    const previous = { id: 'x' };
    const revision = await revisionOf(previous);
    const long = Array.from({ length: 30 }, (_, n) => `r${String(n)}`);
    const lineage = await lineageAfter(previous, [revision, ...long]);
    expect(lineage).toHaveLength(LINEAGE_MAX);
    expect(lineage[0]).toBe(revision);
    expect(lineage.slice(1)).toEqual(long.slice(0, LINEAGE_MAX - 1));
    expect(lineageOf(['a', 'b', 'a', 'c', 'b'])).toEqual(['a', 'b', 'c']);
  });

  it('gives a merge both sides: the master, the pushed version, then what each was made on', () => {
    expect(
      mergedLineage({ revision: 'm', lineage: ['base', 'older'] }, { revision: 'p', lineage: ['base', 'pushed-base'] }),
    ).toEqual(['m', 'p', 'base', 'older', 'pushed-base']);
  });
});
