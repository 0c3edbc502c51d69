import { useTranslation } from 'react-i18next';
import type { KeysetPages } from './use-keyset-pages';

/** Previous / next over a keyset-paged list, with the page number; used by the audit page too. */
export function Pager<T>({ pages, testId = 'pager' }: { pages: KeysetPages<T>; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="pager" data-testid={testId}>
      <button
        type="button"
        data-testid={`${testId}-previous`}
        disabled={pages.pageNumber <= 1 || pages.loading}
        onClick={pages.previous}
      >
        {t('conflicts.previous')}
      </button>
      <span aria-live="polite">{t('conflicts.pageNumber', { page: pages.pageNumber })}</span>
      <button
        type="button"
        data-testid={`${testId}-next`}
        disabled={!pages.page?.nextCursor || pages.loading}
        onClick={pages.next}
      >
        {t('conflicts.next')}
      </button>
    </div>
  );
}
