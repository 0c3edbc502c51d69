import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/errors';
import type { KeysetPages } from '../conflicts/use-keyset-pages';

/** A paged list's error, loading and empty states, or the list itself. */
export function ListState<T>({
  pages,
  empty,
  testId,
  children,
}: {
  pages: KeysetPages<T>;
  empty: string;
  testId: string;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (pages.error !== null)
    return (
      <p className="form-error" role="alert" data-testid={`${testId}-error`}>
        {errorMessage(t, pages.error)}
      </p>
    );
  if (pages.page === null) return <p className="empty">{t('audit.loading')}</p>;
  if (pages.page.items.length === 0)
    return (
      <p className="empty" data-testid={`${testId}-empty`}>
        {empty}
      </p>
    );
  return <div aria-busy={pages.loading}>{children(pages.page.items)}</div>;
}
