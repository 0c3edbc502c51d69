import { describe, expect, it } from 'vitest';
import type { BedLocation } from './inpatient-stay';
import { orderTransfers, stayLocation, type TransferRecord } from './stay-location';

const at = (departmentCode: string, bed: string): BedLocation => ({ departmentCode, bed });
const move = (id: string, from: BedLocation, to: BedLocation, after: string[], movedAt: string): TransferRecord => ({
  id,
  transfer: { from, to, after, movedAt },
});
const ADMITTED = at('KNOI', 'G01');

describe('where an inpatient lies, from the admission and the transfers', () => {
  it('is the admission bed before any move', () => {
    expect(stayLocation(ADMITTED, [])).toEqual({ current: ADMITTED, moves: [], concurrentMoves: [], latestIds: [] });
  });

  it('follows a chain of moves by what each names, not by device clocks', () => {
    const first = move('b', ADMITTED, at('KNOI', 'G02'), [], '2026-12-03T10:00:00Z');
    // The second move's PC clock is behind: it still comes after the move it names.
    const second = move('a', at('KNOI', 'G02'), at('KNGOAI', 'G05'), ['b'], '2026-12-03T09:00:00Z');
    const location = stayLocation(ADMITTED, [second, first]);
    expect(location.moves.map((record) => record.id)).toEqual(['b', 'a']);
    expect(location.current).toEqual(at('KNGOAI', 'G05'));
    expect(location.concurrentMoves).toEqual([]);
    expect(location.latestIds).toEqual(['a']);
  });

  it('keeps both moves two nurses made at once, shows the fork, and the next move joins it', () => {
    const toG03 = move('m1', ADMITTED, at('KNOI', 'G03'), [], '2026-12-03T10:00:00Z');
    const toG04 = move('m2', ADMITTED, at('KNOI', 'G04'), [], '2026-12-03T10:00:05Z');
    const forked = stayLocation(ADMITTED, [toG04, toG03]);
    expect(forked.moves.map((record) => record.id)).toEqual(['m1', 'm2']);
    expect(forked.current).toEqual(at('KNOI', 'G04'));
    expect(forked.concurrentMoves.map((record) => record.id)).toEqual(['m1']);
    expect(forked.latestIds).toEqual(['m1', 'm2']);

    const settled = move('m3', at('KNOI', 'G04'), at('KNOI', 'G03'), forked.latestIds, '2026-12-03T10:05:00Z');
    const joined = stayLocation(ADMITTED, [toG03, settled, toG04]);
    expect(joined.current).toEqual(at('KNOI', 'G03'));
    expect(joined.concurrentMoves).toEqual([]);
    expect(joined.latestIds).toEqual(['m3']);
  });

  it('orders the same documents the same way on every PC, whatever order they arrived in', () => {
    const records = [
      move('x', ADMITTED, at('KNOI', 'G02'), [], '2026-12-03T10:00:00Z'),
      move('y', ADMITTED, at('KNOI', 'G03'), [], '2026-12-03T10:00:00Z'),
      move('z', at('KNOI', 'G03'), at('KNOI', 'G05'), ['x', 'y'], '2026-12-03T08:00:00Z'),
    ];
    const orders = [records, [...records].reverse(), [records[2], records[0], records[1]]].map((list) =>
      orderTransfers(list as TransferRecord[]).map((record) => record.id),
    );
    expect(orders).toEqual([
      ['x', 'y', 'z'],
      ['x', 'y', 'z'],
      ['x', 'y', 'z'],
    ]);
  });

  it('does not wait for a move it names that has not reached this PC yet', () => {
    const later = move('late', at('KNOI', 'G02'), at('KNOI', 'G06'), ['not-synced-yet'], '2026-12-03T11:00:00Z');
    expect(stayLocation(ADMITTED, [later]).current).toEqual(at('KNOI', 'G06'));
  });
});
