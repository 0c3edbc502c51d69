import { foldVietnamese } from '../text/fold-vietnamese';

interface PatientNameAndBirth {
  familyName: string;
  middleName: string;
  givenName: string;
  /** ISO yyyy-MM-dd */
  dateOfBirth: string;
}

export interface PatientSearchKeys {
  nameKey: string;
  givenNameKey: string;
  nameYearKey: string;
}

/** The longest `nameYearKey`: a folded name (at most 200) and '|yyyy'. */
export const NAME_YEAR_KEY_MAX = 205;

/**
 * Stored keys derived from the name (and birth year), each answering one search by an index:
 * `nameKey` in written order ("nguyen thi dao") and `givenNameKey` given name first
 * ("dao nguyen thi"), the order Vietnamese patient lists sort by, both prefix searches; and
 * `nameYearKey` ("nguyen thi dao|1990"), the possible-duplicates check's one equality range:
 * the same folded name born the same year covers both the same birth date and the same birth
 * year and ward, so a common name costs a handful of documents, not every namesake.
 */
export function patientSearchKeys(patient: PatientNameAndBirth): PatientSearchKeys {
  const family = foldVietnamese(patient.familyName);
  const middle = foldVietnamese(patient.middleName);
  const given = foldVietnamese(patient.givenName);
  const nameKey = [family, middle, given].filter(Boolean).join(' ');
  return {
    nameKey,
    givenNameKey: [given, family, middle].filter(Boolean).join(' '),
    nameYearKey: nameYearKey(nameKey, patient.dateOfBirth),
  };
}

/** The folded name and the birth year, '|' between (no folded name holds one). */
export function nameYearKey(nameKey: string, dateOfBirth: string): string {
  return `${nameKey}|${dateOfBirth.slice(0, 4)}`;
}
