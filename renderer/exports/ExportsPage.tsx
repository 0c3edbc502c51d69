import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services-context';
import { DayClaimsSection } from './DayClaimsSection';
import { RecordExportSection } from './RecordExportSection';
import '../visits/visits.css';
import './exports.css';

/** `#/exports`: a day's insurance claims and, for the facility admin, one patient's record. */
export function ExportsPage() {
  const { t } = useTranslation();
  const { session } = useServices();
  return (
    <section className="page exports" data-testid="ExportsPage" aria-label={t('exports.nav')}>
      <DayClaimsSection />
      {session.can('record.export') && <RecordExportSection />}
    </section>
  );
}
