import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import { addressLine as patientAddressLine } from '../../shared/patient/patient-address';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { patientSearchKeys } from '../../shared/patient/patient-search-keys';
import { carriedResultOf } from '../../shared/referral/carried-results';
import type { CarriedResult, ReferralDocument } from '../../shared/referral/referral-document';
import type { EarlierResult } from '../orders/repeat-window';

/** The patient as a referral carries them to the receiving facility. */
export type ReferralPatient = ReferralDocument['patient'];

/** Street, ward and province in one line, as the paper and the receiver read it. */
export function addressLine(address: PatientDocument['address']): string {
  return patientAddressLine({ address });
}

/** The patient block of a new referral, from the sending facility's record. */
export function referralPatientOf(patient: PatientDocument): ReferralPatient {
  return {
    fullName: [patient.familyName, patient.middleName, patient.givenName].filter((part) => part !== '').join(' '),
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    cccd: patient.cccd,
    bhyt: patient.bhyt,
    phone: patient.phone,
    address: addressLine(patient.address).slice(0, 300),
    familyName: patient.familyName,
    middleName: patient.middleName,
    givenName: patient.givenName,
    provinceCode: patient.address.provinceCode,
    wardCode: patient.address.wardCode,
    ethnicityCode: patient.ethnicityCode,
  };
}

/** What the receiving facility's new record is made of, beyond the referral's patient block. */
export interface ReceivingContext {
  id: string;
  patientCode: string;
  facilityCode: string;
  deviceId: string;
  userId: string;
  now: string;
}

/**
 * The patient registered at the receiving facility from the referral, field for field; null
 * when the referral was made before it carried the name's parts and the administrative address
 * (the receiver then registers the patient by hand).
 */
export function patientFromReferral(referral: ReferralDocument, context: ReceivingContext): PatientDocument | null {
  const carried = referral.patient;
  const { familyName, givenName, provinceCode, wardCode } = carried;
  if (!familyName || !givenName || !provinceCode || !wardCode) return null;
  const middleName = carried.middleName ?? '';
  const administrative = addressLine({ provinceCode, wardCode, street: '' });
  // The block's address line is street, ward, province: the street is what precedes the names.
  const street =
    administrative !== '' && carried.address.endsWith(administrative)
      ? carried.address.slice(0, -administrative.length)
      : '';
  return {
    id: context.id,
    facilityCode: context.facilityCode,
    patientCode: context.patientCode,
    familyName,
    middleName,
    givenName,
    dateOfBirth: carried.dateOfBirth,
    sex: carried.sex,
    cccd: carried.cccd,
    bhyt: carried.bhyt,
    phone: carried.phone,
    address: { provinceCode, wardCode, street: street.replace(/,\s*$/, '').trim() },
    ethnicityCode: carried.ethnicityCode ?? '01',
    ...patientSearchKeys({ familyName, middleName, givenName, dateOfBirth: carried.dateOfBirth }),
    createdAt: context.now,
    updatedAt: context.now,
    createdByDeviceId: context.deviceId,
    createdBy: context.userId,
    updatedBy: context.userId,
  };
}

/**
 * The lab results a referral may carry, from the patient's results at this facility, newest
 * first (at most `limit`), with those of the visit or stay it is made from picked to begin with.
 */
export function carriableResults(
  observations: readonly ObservationDocument[],
  facilityCode: string,
  ofThisCare: (observation: ObservationDocument) => boolean,
  limit: number,
): { available: CarriedResult[]; picked: string[] } {
  const own = [...observations]
    .filter((observation) => observation.facilityCode === facilityCode)
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
    .flatMap((observation) => {
      const carried = carriedResultOf(observation);
      return carried ? [{ carried, picked: ofThisCare(observation) }] : [];
    })
    .slice(0, limit);
  return {
    available: own.map(({ carried }) => carried),
    picked: own.filter(({ picked }) => picked).map(({ carried }) => carried.observationId),
  };
}

/**
 * What referrals to this facility carried for one of its patients (linked on acceptance), as
 * the repeat-test warning reads a result from elsewhere: marked with the facility that did it.
 * One result carried by two referrals counts once.
 */
export function carriedEarlierResults(
  referrals: readonly ReferralDocument[],
  here: string,
  patientId: string,
  facilityName: (code: string) => string,
): EarlierResult[] {
  const byObservation = new Map<string, EarlierResult>();
  for (const referral of referrals) {
    if (referral.toFacilityCode !== here || referral.receiverPatientId !== patientId) continue;
    for (const result of referral.results ?? []) {
      byObservation.set(result.observationId, {
        observationId: result.observationId,
        code: result.testCode,
        value: result.value,
        unit: result.unit,
        flag: result.flag,
        recordedAt: result.recordedAt,
        facility: { code: result.facilityCode, name: facilityName(result.facilityCode) },
      });
    }
  }
  return [...byObservation.values()];
}

/** "Findings" of the paper from the visit: the reason, the history and the examination as written. */
export function findingsText(encounter: Pick<EncounterDocument, 'reason' | 'history' | 'examination'>): string {
  return [
    ['Lý do khám', encounter.reason],
    ['Bệnh sử', encounter.history],
    ['Khám', encounter.examination],
  ]
    .filter(([, text]) => text?.trim())
    .map(([label, text]) => `${label ?? ''}: ${text?.trim() ?? ''}`)
    .join('\n');
}

/** One word for where a referral stands, from both sides' fields. */
export type ReferralStep = 'withdrawn' | 'pending' | 'accepted' | 'declined' | 'completed';

export function referralStep(referral: Pick<ReferralDocument, 'senderStatus' | 'receiverStatus'>): ReferralStep {
  // The receiver may have acted before the withdrawal reached it: what it did stands.
  if (referral.senderStatus === 'cancelled' && referral.receiverStatus === 'pending') return 'withdrawn';
  return referral.receiverStatus;
}

/** The sender may withdraw a referral nobody has acted on yet. */
export function mayWithdraw(referral: Pick<ReferralDocument, 'senderStatus' | 'receiverStatus'>): boolean {
  return referralStep(referral) === 'pending';
}

/** The receiver accepts or declines a referral still waiting for it. */
export function mayAnswer(referral: Pick<ReferralDocument, 'senderStatus' | 'receiverStatus'>): boolean {
  return referralStep(referral) === 'pending';
}

/** The outcome is reported once the patient was taken in. */
export function mayReportOutcome(referral: Pick<ReferralDocument, 'senderStatus' | 'receiverStatus'>): boolean {
  return referralStep(referral) === 'accepted';
}

/** An incoming list: those waiting for an answer first, then the newest first. */
export function incomingOrder<T extends Pick<ReferralDocument, 'senderStatus' | 'receiverStatus' | 'createdAt'>>(
  referrals: readonly T[],
): T[] {
  const waiting = (referral: T): number => (referralStep(referral) === 'pending' ? 0 : 1);
  return [...referrals].sort((a, b) => waiting(a) - waiting(b) || b.createdAt.localeCompare(a.createdAt));
}

/**
 * The registered patient a referred one is, at the receiving facility: the same CCCD, else the
 * same BHYT card; never a guess on the name.
 */
export function samePersonAmong(
  carried: Pick<ReferralPatient, 'cccd' | 'bhyt'>,
  candidates: readonly PatientDocument[],
): PatientDocument | undefined {
  if (carried.cccd !== '') {
    const byCccd = candidates.find((patient) => patient.cccd === carried.cccd);
    if (byCccd) return byCccd;
  }
  if (carried.bhyt !== '') return candidates.find((patient) => patient.bhyt === carried.bhyt);
  return undefined;
}

export interface ReferralProblem {
  field: string;
  code: string;
}

/** What a sending doctor must fill in before a referral leaves; checked before anything is written. */
export function referralFormProblems(
  form: { toFacilityCode: string; reason: string },
  ownFacilityCode: string,
): ReferralProblem[] {
  const problems: ReferralProblem[] = [];
  if (form.toFacilityCode === '') problems.push({ field: 'toFacilityCode', code: 'required' });
  else if (form.toFacilityCode === ownFacilityCode)
    problems.push({ field: 'toFacilityCode', code: 'referral-to-same-facility' });
  if (form.reason.trim() === '') problems.push({ field: 'reason', code: 'required' });
  return problems;
}
