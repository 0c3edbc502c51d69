import { PROVINCES } from '../../shared/admin-units/admin-units';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { formatDisplayDate } from '../../shared/text/dates';
import { addressLine } from '../../shared/patient/patient-address';
import { fullName } from '../app/format';
import { ageOnPaper } from './paper-age';
import { placeAndDate } from './paper-dates';

/** The facility as the top left of a Ministry form names it. */
export interface PaperFacility {
  /** "SỞ Y TẾ TỈNH LÀO CAI" */
  authority: string;
  name: string;
  code: string;
  /** Where the paper is signed, for the date line: "Lào Cai". */
  place: string;
}

/** The patient as every paper names them. */
export interface PaperPatient {
  fullName: string;
  patientCode: string;
  dateOfBirth: string;
  age: string;
  sex: 'Nam' | 'Nữ';
  address: string;
  bhyt: string;
  /** A young child's mother, father or guardian on one line; absent or '' for anyone else. */
  guardian?: string;
}

/** Who signs: the signature itself is applied by the signing feature; the paper keeps its place. */
export interface PaperSigner {
  /** "Bác sĩ khám bệnh", "Trưởng khoa xét nghiệm"… */
  role: string;
  name: string;
}

/** The date line and signature block at the foot of a paper. */
export interface PaperFooter {
  /** "Lào Cai, ngày 03 tháng 12 năm 2026" */
  placeAndDate: string;
  signer: PaperSigner;
}

/** What a device knows of its facility after enrollment. */
export interface FacilityIdentity {
  code: string;
  name: string;
  provinceCode: string;
}

const PROVINCE_PREFIX = /^(Tỉnh|Thành phố)\s+/u;

export function paperFacility(facility: FacilityIdentity): PaperFacility {
  const province = PROVINCES.find((candidate) => candidate.code === facility.provinceCode)?.name ?? '';
  return {
    authority: province === '' ? 'SỞ Y TẾ' : `SỞ Y TẾ ${province.toLocaleUpperCase('vi')}`,
    name: facility.name,
    code: facility.code,
    place: province.replace(PROVINCE_PREFIX, ''),
  };
}

export function sexOnPaper(sex: 'male' | 'female'): PaperPatient['sex'] {
  return sex === 'male' ? 'Nam' : 'Nữ';
}

/** The patient's identity on `onDay` (yyyy-MM-dd), the day the paper is dated. */
export function paperPatient(patient: PatientDocument, onDay: string): PaperPatient {
  return {
    fullName: fullName(patient),
    patientCode: patient.patientCode,
    dateOfBirth: formatDisplayDate(patient.dateOfBirth),
    age: ageOnPaper(patient.dateOfBirth, onDay),
    sex: sexOnPaper(patient.sex),
    address: addressLine(patient),
    bhyt: patient.bhyt,
    guardian: guardianOnPaper(patient.guardian),
  };
}

const RELATION_ON_PAPER = { mother: 'mẹ', father: 'cha', guardian: 'người giám hộ' } as const;

/** "Trần Thị Mai (mẹ), CCCD 001190012345, ĐT 0912345678": papers are in Vietnamese only. */
export function guardianOnPaper(guardian: PatientDocument['guardian']): string {
  if (!guardian) return '';
  const parts = [`${guardian.name} (${RELATION_ON_PAPER[guardian.relation]})`];
  if (guardian.cccd !== '') parts.push(`CCCD ${guardian.cccd}`);
  if (guardian.phone !== '') parts.push(`ĐT ${guardian.phone}`);
  return parts.join(', ');
}

export function paperFooter(facility: PaperFacility, onDay: string, signer: PaperSigner): PaperFooter {
  return { placeAndDate: placeAndDate(facility.place, onDay), signer };
}

/** Diagnoses as one line, the primary one first: "I10 – Tăng huyết áp; E11 – Đái tháo đường". */
export function diagnosesOnPaper(diagnoses: readonly { code: string; name: string; primary: boolean }[]): string {
  return [...diagnoses]
    .sort((a, b) => Number(b.primary) - Number(a.primary))
    .map((diagnosis) => `${diagnosis.code} – ${diagnosis.name}`)
    .join('; ');
}
