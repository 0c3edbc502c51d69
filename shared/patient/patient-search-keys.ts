import { foldVietnamese } from '../text/fold-vietnamese';

interface PatientName {
  familyName: string;
  middleName: string;
  givenName: string;
}

/**
 * Two stored keys make both ways a clerk types a name a prefix search:
 * `nameKey` in written order ("nguyen thi dao") and `givenNameKey` given name first
 * ("dao nguyen thi"), the order Vietnamese patient lists sort by.
 */
export function patientSearchKeys(name: PatientName): { nameKey: string; givenNameKey: string } {
  const family = foldVietnamese(name.familyName);
  const middle = foldVietnamese(name.middleName);
  const given = foldVietnamese(name.givenName);
  return {
    nameKey: [family, middle, given].filter(Boolean).join(' '),
    givenNameKey: [given, family, middle].filter(Boolean).join(' '),
  };
}
