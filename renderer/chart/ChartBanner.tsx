import { useTranslation } from 'react-i18next';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { fullName } from '../app/format';
import type { AllergyEntry } from './chart-allergies';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import { birthDateWithAge } from '../patients/patient-format';

/** Who the chart is about, and what must never be missed: their active allergies. */
export function ChartBanner({ patient, allergies }: { patient: PatientDocument; allergies: readonly AllergyEntry[] }) {
  const { t } = useTranslation();
  return (
    <header className="chart-banner" data-testid="chart-banner">
      <h1 data-testid="patient-name">{fullName(patient)}</h1>
      <p>
        <span>{displayPatientCode(patient.patientCode)}</span> · <span>{t(`patient.${patient.sex}`)}</span> ·{' '}
        <span>{birthDateWithAge(t, patient.dateOfBirth)}</span> ·{' '}
        <span>{patient.bhyt ? `${t('chart.bhyt')} ${patient.bhyt}` : t('chart.noBhyt')}</span>
      </p>
      <p className={allergies.length > 0 ? 'chart-allergy-alert' : 'chart-no-allergy'} data-testid="allergy-alert">
        {allergies.length > 0
          ? `${t('chart.allergyAlert')}: ${allergies
              .map((allergy) => `${allergy.substance} (${t(`chart.severity_${allergy.severity}`)})`)
              .join(', ')}`
          : t('chart.noAllergies')}
      </p>
    </header>
  );
}
