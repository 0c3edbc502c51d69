import { useTranslation } from 'react-i18next';
import { ageInYears } from '../../shared/catalog/lab-reference-range';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { fullName } from '../app/format';
import type { AllergyEntry } from './chart-allergies';
import { displayDay } from './chart-format';
import { localDayOf } from './chart-documents';

/** Who the chart is about, and what must never be missed: their active allergies. */
export function ChartBanner({ patient, allergies }: { patient: PatientDocument; allergies: readonly AllergyEntry[] }) {
  const { t } = useTranslation();
  const age = ageInYears(patient.dateOfBirth, localDayOf(new Date().toISOString()));
  return (
    <header className="chart-banner" data-testid="chart-banner">
      <h1 data-testid="patient-name">{fullName(patient)}</h1>
      <p>
        <span>{patient.patientCode}</span> · <span>{t(`patient.${patient.sex}`)}</span> ·{' '}
        <span>
          {displayDay(patient.dateOfBirth)} ({t('chart.age', { age })})
        </span>{' '}
        · <span>{patient.bhyt ? `${t('chart.bhyt')} ${patient.bhyt}` : t('chart.noBhyt')}</span>
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
