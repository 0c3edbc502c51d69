import { useTranslation } from 'react-i18next';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { fullName } from '../app/format';
import { useActiveAllergies } from './use-visit';
import { birthDateWithAge } from '../patients/patient-format';

/** Who is being examined: name, age, sex, insurance card, and active allergies in red. */
export function PatientBanner({ patient, today }: { patient: PatientDocument; today: string }) {
  const { t } = useTranslation();
  const allergies = useActiveAllergies(patient.id);
  return (
    <header className="patient-banner" data-testid="patient-banner">
      <h1 data-testid="patient-name">{fullName(patient)}</h1>
      <span data-testid="patient-age">{birthDateWithAge(t, patient.dateOfBirth, today)}</span>
      <span>{t(`patient.${patient.sex}`)}</span>
      <span data-testid="patient-bhyt">
        {patient.bhyt ? `${t('visits.bhyt')}: ${patient.bhyt}` : t('visits.noBhyt')}
      </span>
      <span className={allergies.length > 0 ? 'allergy' : 'notice'} data-testid="patient-allergies">
        {allergies.length > 0
          ? `${t('visits.allergies')}: ${allergies.map((allergy) => allergy.substance).join(', ')}`
          : t('visits.noKnownAllergy')}
      </span>
    </header>
  );
}
