import { useTranslation } from 'react-i18next';
import type { ResultFlag as Flag } from '../../shared/clinical/observation-document';

/** A result's flag in words, highlighted when abnormal (critical ones loudest); nothing when unflagged. */
export function ResultFlag({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  if (flag === '') return null;
  return (
    <span className={`flag flag-${flag}`} data-flag={flag}>
      {t(`orders.flag-${flag}`)}
    </span>
  );
}
