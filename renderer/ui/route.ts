/** The page shown, mirrored in location.hash so a reload returns to it. */
export type Route = { page: 'list' } | { page: 'register' } | { page: 'patient'; id: string };

export function routeFromHash(hash: string): Route {
  if (hash === '#/register') return { page: 'register' };
  const patient = /^#\/patients\/([0-9a-f-]{36})$/.exec(hash);
  return patient?.[1] ? { page: 'patient', id: patient[1] } : { page: 'list' };
}

export function hashFromRoute(route: Route): string {
  if (route.page === 'register') return '#/register';
  if (route.page === 'patient') return `#/patients/${route.id}`;
  return '#/';
}
