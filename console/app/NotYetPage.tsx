import { useTranslation } from 'react-i18next';
import type { ConsolePage } from './use-hash-route';

/** The pages other parts of issue 13 fill: they say so rather than pretend. */
export function NotYetPage({ page }: { page: ConsolePage }) {
  const { t } = useTranslation();
  return (
    <section className="page not-yet" data-testid={`page-${page}`}>
      <h1 tabIndex={-1}>{t(`nav.${page}`)}</h1>
      <p className="empty">{t('notYet.body')}</p>
    </section>
  );
}
