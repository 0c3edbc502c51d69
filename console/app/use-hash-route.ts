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

function pathOf(hash: string): string[] {
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .slice(1)
    .filter((part) => part !== '')
    .map(decodeURIComponent);
}

export interface HashRoute {
  page: ConsolePage;
  /** What follows the page name, e.g. a facility code for its detail view. */
  path: string[];
}

function routeOf(hash: string): HashRoute {
  return { page: pageOf(hash), path: pathOf(hash) };
}

/** The page named by the URL's hash (`#/facilities`): the static server only ever serves index.html. */
export function useHashRoute(): HashRoute {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
