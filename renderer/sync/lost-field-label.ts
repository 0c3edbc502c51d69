import type { TFunction } from 'i18next';

/** The visit and stay fields a clinician edits, by the words of their sections. */
const ENCOUNTER_FIELD_KEYS: Readonly<Record<string, string>> = {
  reason: 'visits.reason',
  history: 'visits.history',
  examination: 'visits.examination',
  diagnoses: 'visits.diagnosesTitle',
  disposition: 'visits.disposition',
  followUpDate: 'visits.followUpDate',
  advice: 'visits.advice',
};

/** A field that lost a merge, named as the record's own screen names it (its code otherwise). */
export function lostFieldLabel(collection: string, field: string, t: TFunction): string {
  if (collection === 'patients')
    return t(`patient.${field === '_deleted' ? 'record' : field}`, { defaultValue: field });
  if (collection === 'encounters') {
    const key = ENCOUNTER_FIELD_KEYS[field];
    return key ? t(key) : field;
  }
  return field;
}
