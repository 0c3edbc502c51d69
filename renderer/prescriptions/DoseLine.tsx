import { useTranslation } from 'react-i18next';
import type { PrescribedDrug } from '../../shared/clinical/order-document';

/** "Mỗi lần 1 viên, ngày 3 lần, trong 5 ngày": how a stored line is to be taken. */
export function DoseLine({ drug }: { drug: PrescribedDrug }) {
  const { t } = useTranslation();
  const dose = String(drug.dosePerTime).replace('.', ',');
  return <>{t('prescriptions.doseLine', { dose, unit: drug.doseUnit, times: drug.timesPerDay, days: drug.days })}</>;
}
