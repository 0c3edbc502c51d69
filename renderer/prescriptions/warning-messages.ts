import type { TFunction } from 'i18next';
import type { PrescriptionWarning } from './prescription-warnings';

/** A warning as the doctor reads it (and as it is kept on the order once overridden). */
export function warningMessage(t: TFunction, warning: PrescriptionWarning): string {
  switch (warning.kind) {
    case 'allergy':
      return t('prescriptions.warningAllergy', {
        drug: warning.drugName,
        ingredient: warning.ingredient,
        substance: warning.substance,
      });
    case 'duplicate-ingredient':
      return t('prescriptions.warningDuplicate', {
        ingredient: warning.ingredient,
        drugs: warning.drugNames.join(', '),
      });
    case 'duplicate-open':
      return t('prescriptions.warningDuplicateOpen', {
        ingredient: warning.ingredient,
        drug: warning.drugName,
        code: warning.prescriptionCode,
      });
  }
}
