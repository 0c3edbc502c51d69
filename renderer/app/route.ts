/** The page shown, mirrored in location.hash so a reload returns to it. */
export type Route =
  | { page: 'list' }
  | { page: 'register' }
  | { page: 'sync' }
  | { page: 'staff' }
  | { page: 'password' }
  | { page: 'patient'; id: string }
  | { page: 'edit'; id: string };

const PATIENT = /^#\/patients\/([0-9a-f-]{36})(\/edit)?$/;

export function routeFromHash(hash: string): Route {
  if (hash === '#/register') return { page: 'register' };
  if (hash === '#/sync') return { page: 'sync' };
  if (hash === '#/staff') return { page: 'staff' };
  if (hash === '#/password') return { page: 'password' };
  const patient = PATIENT.exec(hash);
  if (!patient?.[1]) return { page: 'list' };
  return patient[2] ? { page: 'edit', id: patient[1] } : { page: 'patient', id: patient[1] };
}

export function hashFromRoute(route: Route): string {
  switch (route.page) {
    case 'register':
      return '#/register';
    case 'sync':
      return '#/sync';
    case 'staff':
      return '#/staff';
    case 'password':
      return '#/password';
    case 'patient':
      return `#/patients/${route.id}`;
    case 'edit':
      return `#/patients/${route.id}/edit`;
    case 'list':
      return '#/';
  }
}
