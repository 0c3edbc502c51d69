import { useEffect, useState } from 'react';

export const CONSOLE_PAGES = [
  'facilities',
  'devices',
  'conflicts',
  'audit',
  'staff',
  'catalogs',
  'duplicates',
] as const;
export type ConsolePage = (typeof CONSOLE_PAGES)[number];

function pageOf(hash: string): ConsolePage {
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (CONSOLE_PAGES as readonly string[]).includes(name) ? (name as ConsolePage) : 'facilities';
}

/** The page named by the URL's hash (`#/facilities`): the static server only ever serves index.html. */
export function useHashRoute(): ConsolePage {
  const [page, setPage] = useState(() => pageOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setPage(pageOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return page;
}
