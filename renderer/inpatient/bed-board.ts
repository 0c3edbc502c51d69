import { bedCodes, type BedLocation } from '../../shared/clinical/inpatient-stay';
import { daysInHospital } from '../../shared/clinical/discharge-paper';
import type { StayLocation } from '../../shared/clinical/stay-location';

/** An active stay and where it lies, as the bed board is given it. */
export interface PlacedStay {
  stayId: string;
  patientId: string;
  /** The day of admission (the stay's queueDate). */
  admittedOn: string;
  location: StayLocation;
}

export interface BedOccupant {
  stayId: string;
  patientId: string;
  days: number;
  /** The stay has moves made at once that nobody has settled (docs/decisions/0005). */
  movedTwiceAtOnce: boolean;
}

export interface BedCell {
  bed: string;
  occupants: BedOccupant[];
  /** Two stays in one bed: two PCs gave it at once, or a move into a taken bed. */
  clash: boolean;
  /** A bed the catalog no longer counts that a stay still names. */
  outsideCatalog: boolean;
}

export interface DepartmentBoard {
  departmentCode: string;
  beds: BedCell[];
  free: number;
  occupied: number;
}

/**
 * A department's beds and who lies in each, from the active stays' computed locations. Every
 * stay shows somewhere, even one in a bed the catalog no longer counts; a bed named by two
 * stays shows both, marked as a clash, never one of them.
 */
export function departmentBoard(
  departmentCode: string,
  bedCount: number,
  stays: readonly PlacedStay[],
  today: string,
): DepartmentBoard {
  const here = stays.filter((stay) => stay.location.current.departmentCode === departmentCode);
  const counted = bedCodes(bedCount);
  const extra = [...new Set(here.map((stay) => stay.location.current.bed))]
    .filter((bed) => !counted.includes(bed))
    .sort();
  const beds = [...counted, ...extra].map((bed): BedCell => {
    const occupants = here
      .filter((stay) => stay.location.current.bed === bed)
      .sort((a, b) => a.admittedOn.localeCompare(b.admittedOn) || a.stayId.localeCompare(b.stayId))
      .map((stay) => ({
        stayId: stay.stayId,
        patientId: stay.patientId,
        days: daysInHospital(stay.admittedOn, today),
        movedTwiceAtOnce: stay.location.concurrentMoves.length > 0,
      }));
    return { bed, occupants, clash: occupants.length > 1, outsideCatalog: !counted.includes(bed) };
  });
  const occupied = beds.filter((cell) => cell.occupants.length > 0).length;
  return { departmentCode, beds, free: beds.length - occupied, occupied };
}

/** The free beds of a department (for the admission and transfer forms), in bed order. */
export function freeBeds(board: DepartmentBoard): string[] {
  return board.beds.filter((cell) => cell.occupants.length === 0 && !cell.outsideCatalog).map((cell) => cell.bed);
}

/** Whether another active stay than `stayId` lies in this bed. */
export function bedTaken(stays: readonly PlacedStay[], where: BedLocation, stayId = ''): boolean {
  return stays.some(
    (stay) =>
      stay.stayId !== stayId &&
      stay.location.current.departmentCode === where.departmentCode &&
      stay.location.current.bed === where.bed,
  );
}
