import { useTranslation } from 'react-i18next';
import type { MissingField } from '../../shared/exports/xml130/xml130-completeness';
import { missingFieldLink } from './missing-field-link';

interface MissingFieldsProps {
  missing: readonly MissingField[];
  episode: { patientId: string; encounterId: string; kind: 'outpatient' | 'inpatient' };
  testId?: string;
}

/**
 * What a claim lacks, one line each, with a link to where it is completed; no link to the page
 * already shown (a link to itself would do nothing).
 */
export function MissingFields({ missing, episode, testId }: MissingFieldsProps) {
  const { t } = useTranslation();
  return (
    <ul className="export-missing" data-testid={testId}>
      {missing.map((item) => {
        const link = missingFieldLink(item.field, episode);
        return (
          <li key={`${item.field}-${item.message}`} data-field={item.field}>
            {item.message} {link !== window.location.hash && <a href={link}>{t('exports.fixHere')}</a>}
          </li>
        );
      })}
    </ul>
  );
}
