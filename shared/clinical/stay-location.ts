import type { BedLocation } from './inpatient-stay';
import type { TransferPart } from './note-document';

/** A transfer note reduced to what ordering needs: its id and its transfer part. */
export interface TransferRecord {
  id: string;
  transfer: TransferPart;
}

export interface StayLocation {
  /** Where the patient lies now as every PC computes it from the same documents. */
  current: BedLocation;
  /** The moves in the order they happened (each after those it names, then by time and id). */
  moves: TransferRecord[];
  /**
   * Moves made at once from the same place, none knowing the other: every latest move but the
   * one taken as current. Empty when the moves form one chain. The next move made while they show
   * names them all and joins the fork again.
   */
  concurrentMoves: TransferRecord[];
  /** The ids a new move names as the moves it comes after (the latest ones, forked or not). */
  latestIds: string[];
}

const byTimeThenId = (a: TransferRecord, b: TransferRecord): number =>
  a.transfer.movedAt.localeCompare(b.transfer.movedAt) || a.id.localeCompare(b.id);

/**
 * The moves of a stay in order: a move comes after every move it names that this PC has (one
 * not yet synced is not waited for); among moves free to come next, the earlier device time
 * first and then the id, so every PC orders the same documents the same way. Never loses a move.
 */
export function orderTransfers(transfers: readonly TransferRecord[]): TransferRecord[] {
  const known = new Set(transfers.map((record) => record.id));
  const waitingOn = new Map(
    transfers.map((record) => [
      record.id,
      new Set(record.transfer.after.filter((id) => known.has(id) && id !== record.id)),
    ]),
  );
  const ordered: TransferRecord[] = [];
  const placed = new Set<string>();
  let remaining = [...transfers].sort(byTimeThenId);
  while (remaining.length > 0) {
    const ready = remaining.find((record) => [...(waitingOn.get(record.id) ?? [])].every((id) => placed.has(id)));
    // A cycle can only come from a forged document: break it at the earliest move.
    const next = ready ?? remaining[0];
    if (!next) break;
    ordered.push(next);
    placed.add(next.id);
    remaining = remaining.filter((record) => record !== next);
  }
  return ordered;
}

/** Where a stay's patient lies, from the admission's bed and the transfer notes of the stay. */
export function stayLocation(admitted: BedLocation, transfers: readonly TransferRecord[]): StayLocation {
  const moves = orderTransfers(transfers);
  const named = new Set(moves.flatMap((record) => record.transfer.after));
  const latest = moves.filter((record) => !named.has(record.id));
  const last = moves.at(-1);
  return {
    current: last ? last.transfer.to : admitted,
    moves,
    concurrentMoves: latest.filter((record) => record !== last),
    latestIds: latest.map((record) => record.id),
  };
}

export function sameBed(a: BedLocation, b: BedLocation): boolean {
  return a.departmentCode === b.departmentCode && a.bed === b.bed;
}
