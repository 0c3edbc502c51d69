import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hashFromRoute, type Route } from './route';

/** An address no page answers to (a mistyped or stale link): said plainly, with the way home. */
export function NotFoundPage({ home }: { home: Route }) {
  const { t } = useTranslation();
  const back = useRef<HTMLAnchorElement>(null);
  // The way back has the focus, so Enter takes it (React's autoFocus skips links).
  useEffect(() => back.current?.focus(), []);
  return (
    <section className="page" data-testid="not-found">
      <h1>{t('nav.notFoundTitle')}</h1>
      <p>{t('nav.notFound')}</p>
      <a ref={back} className="button-link" href={hashFromRoute(home)}>
        {t('nav.backHome')}
      </a>
    </section>
  );
}
