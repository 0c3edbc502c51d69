import { normalizeBhyt } from '../identifiers/bhyt';
import type { PatientDocument } from '../patient/patient-document';
import { patientSearchKeys } from '../patient/patient-search-keys';
import { temporaryCode } from './temporary-code';

/** Why the province thinks two patient records are one person. */
export type IdentityRule =
  'same-cccd' | 'same-bhyt' | 'same-name-birth-date-ward' | 'temporary-code-to-cccd' | 'newborn-same-guardian';

export const IDENTITY_RULES: readonly IdentityRule[] = [
  'same-cccd',
  'same-bhyt',
  'same-name-birth-date-ward',
  'temporary-code-to-cccd',
  'newborn-same-guardian',
];

/**
 * What a record is indexed under. Two records match when one has a key of kind K and the other a
 * key of `MATCHING_KIND[K]` with the same value: the same kind for every rule but the newborns',
 * where a temporary-code record meets a CCCD holder born the same day in the same ward, or any
 * child record whose guardian has the same CCCD and the same birth date.
 */
export type IdentityKeyKind =
  'cccd' | 'bhyt' | 'name-birth-ward' | 'newborn-temporary' | 'newborn-cccd' | 'guardian-temporary' | 'guardian-child';

export interface IdentityKey {
  kind: IdentityKeyKind;
  value: string;
}

export const MATCHING_KIND: Record<IdentityKeyKind, IdentityKeyKind> = {
  cccd: 'cccd',
  bhyt: 'bhyt',
  'name-birth-ward': 'name-birth-ward',
  'newborn-temporary': 'newborn-cccd',
  'newborn-cccd': 'newborn-temporary',
  'guardian-temporary': 'guardian-child',
  'guardian-child': 'guardian-temporary',
};

export const RULE_OF_KIND: Record<IdentityKeyKind, IdentityRule> = {
  cccd: 'same-cccd',
  bhyt: 'same-bhyt',
  'name-birth-ward': 'same-name-birth-date-ward',
  'newborn-temporary': 'temporary-code-to-cccd',
  'newborn-cccd': 'temporary-code-to-cccd',
  'guardian-temporary': 'newborn-same-guardian',
  'guardian-child': 'newborn-same-guardian',
};

export type IdentityFields = Pick<
  PatientDocument,
  | 'familyName'
  | 'middleName'
  | 'givenName'
  | 'dateOfBirth'
  | 'sex'
  | 'cccd'
  | 'bhyt'
  | 'address'
  | 'patientCode'
  | 'createdAt'
  | 'guardian'
>;

const CCCD = /^\d{12}$/;
const BHYT_OLD_CARD = /^[A-Z]{2}\d{3}(\d{10})$/;
const BHYT_NEW_CARD = /^\d{10}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The card's 10-digit social-insurance number, the part both forms of a BHYT card carry (the old
 * 15-character code ends with it; cards since 2021 show only it): a patient registered with the
 * old card at one facility and the new one at another is still found. Null for anything else.
 */
export function bhytNumber(bhyt: string): string | null {
  const code = normalizeBhyt(bhyt);
  if (BHYT_NEW_CARD.test(code)) return code;
  return BHYT_OLD_CARD.exec(code)?.[1] ?? null;
}

/**
 * The keys the province indexes a patient record under. The name is folded here (diacritics,
 * đ, case and spacing), not taken from the stored search key, so that a record's keys do not
 * depend on what the PC computed. A ward is needed for the name and newborn rules: a name and
 * birth date alone join namesakes of the whole province.
 */
export function identityKeys(patient: IdentityFields): IdentityKey[] {
  const keys: IdentityKey[] = [];
  const cccd = patient.cccd.trim();
  if (CCCD.test(cccd)) keys.push({ kind: 'cccd', value: cccd });
  const bhyt = bhytNumber(patient.bhyt);
  if (bhyt) keys.push({ kind: 'bhyt', value: bhyt });
  keys.push(...guardianKeys(patient));

  const ward = patient.address.wardCode.trim();
  if (ward === '' || !ISO_DATE.test(patient.dateOfBirth)) return keys;
  const { nameKey } = patientSearchKeys(patient);
  if (nameKey !== '') keys.push({ kind: 'name-birth-ward', value: `${nameKey}|${patient.dateOfBirth}|${ward}` });
  // A newborn is often registered under the mother's name ("Con bà …") and renamed later: the
  // birth day, ward and sex are what stay. Only a record with a CCCD can be the later one.
  const birth = `${patient.dateOfBirth}|${ward}|${patient.sex}`;
  if (temporaryCode(patient) !== null) keys.push({ kind: 'newborn-temporary', value: birth });
  else if (CCCD.test(cccd)) keys.push({ kind: 'newborn-cccd', value: birth });
  return keys;
}

/**
 * A newborn registered twice (at two facilities, or before and after a name was given) has the
 * same mother: a temporary-code record whose guardian's CCCD and birth date are another child
 * record's is a strong candidate, whatever the names and wards say. Twins match too: the admin
 * tells them apart ("Không phải một người") and the pair is not proposed again.
 */
function guardianKeys(patient: IdentityFields): IdentityKey[] {
  const guardianCccd = patient.guardian?.cccd.trim() ?? '';
  if (!CCCD.test(guardianCccd) || !ISO_DATE.test(patient.dateOfBirth)) return [];
  const value = `${guardianCccd}|${patient.dateOfBirth}`;
  const keys: IdentityKey[] = [{ kind: 'guardian-child', value }];
  if (temporaryCode(patient) !== null) keys.push({ kind: 'guardian-temporary', value });
  return keys;
}
