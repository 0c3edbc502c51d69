import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { OrderDocument, PrescribedDrug } from '../../shared/clinical/order-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { formatDisplayDate } from '../../shared/text/dates';
import { localDay } from './paper-dates';
import {
  diagnosesOnPaper,
  paperFacility,
  paperFooter,
  paperPatient,
  type FacilityIdentity,
  type PaperFacility,
  type PaperFooter,
  type PaperPatient,
} from './paper-parts';

export interface PrescriptionPaperLine {
  number: number;
  /** "Paracetamol 500mg (Paracetamol 500 mg)" */
  drug: string;
  /** "15 Viên" */
  quantity: string;
  /** "Uống. Mỗi lần 1 Viên, ngày 3 lần, trong 5 ngày. Sau ăn" */
  usage: string;
}

/** The paper prescription (đơn thuốc), ready to lay out. */
export interface PrescriptionPaper {
  facility: PaperFacility;
  code: string;
  /** A cancelled prescription still prints, marked so it cannot be dispensed. */
  cancelled: boolean;
  patient: PaperPatient;
  diagnoses: string;
  lines: PrescriptionPaperLine[];
  /** "Cộng khoản": how many drugs, so a line added by hand is noticed. */
  itemCount: number;
  advice: string;
  /** "dd/MM/yyyy", '' without a follow-up visit. */
  followUpDate: string;
  footer: PaperFooter;
}

export interface PrescriptionPaperInput {
  order: OrderDocument;
  patient: PatientDocument;
  encounter: EncounterDocument;
  facility: FacilityIdentity;
  /** The prescribing doctor's name ('' while the staff record has not synced). */
  doctorName: string;
}

/** Numbers as Vietnamese write them: a decimal comma. */
export function numberOnPaper(value: number): string {
  return String(value).replace('.', ',');
}

export function usageOnPaper(drug: PrescribedDrug): string {
  const dose = `Mỗi lần ${numberOnPaper(drug.dosePerTime)} ${drug.doseUnit}, ngày ${String(drug.timesPerDay)} lần, trong ${String(drug.days)} ngày`;
  return [drug.route, dose, drug.instructions].filter((part) => part.trim() !== '').join('. ');
}

function drugOnPaper(drug: PrescribedDrug): string {
  const ingredient = [drug.activeIngredient, drug.strength].filter(Boolean).join(' ');
  return drug.name === ingredient ? drug.name : `${drug.name} (${ingredient})`;
}

export function buildPrescriptionPaper(input: PrescriptionPaperInput): PrescriptionPaper {
  const { order, encounter } = input;
  const day = localDay(order.orderedAt);
  const facility = paperFacility(input.facility);
  return {
    facility,
    code: order.prescriptionCode,
    cancelled: order.status === 'cancelled',
    patient: paperPatient(input.patient, day),
    diagnoses: diagnosesOnPaper(encounter.diagnoses),
    lines: order.drugs.map((drug, index) => ({
      number: index + 1,
      drug: drugOnPaper(drug),
      quantity: `${numberOnPaper(drug.quantity)} ${drug.unit}`,
      usage: usageOnPaper(drug),
    })),
    itemCount: order.drugs.length,
    advice: encounter.advice,
    followUpDate: encounter.followUpDate === '' ? '' : formatDisplayDate(encounter.followUpDate),
    footer: paperFooter(facility, day, { role: 'Bác sĩ khám bệnh', name: input.doctorName }),
  };
}
