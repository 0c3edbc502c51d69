/** The page shown, mirrored in location.hash so a reload returns to it. */
export type Route =
  | { page: 'list' }
  | { page: 'register' }
  | { page: 'sync' }
  | { page: 'staff' }
  | { page: 'backup' }
  | { page: 'password' }
  | { page: 'patient'; id: string }
  | { page: 'edit'; id: string }
  | { page: 'chart'; id: string }
  | { page: 'queue' }
  | { page: 'visit'; id: string }
  | { page: 'lab' }
  | { page: 'pharmacy' }
  | { page: 'not-found' }
  | { page: 'wards' }
  | { page: 'stay'; id: string }
  | { page: 'admit'; id: string }
  | { page: 'referrals' }
  | { page: 'exports' };

const PATIENT = /^#\/patients\/([0-9a-f-]{36})(\/edit|\/chart)?$/;
const VISIT = /^#\/visits\/([0-9a-f-]{36})$/;
const ADMIT = /^#\/visits\/([0-9a-f-]{36})\/admit$/;
const STAY = /^#\/stays\/([0-9a-f-]{36})$/;

/** The home page's hashes: what a fresh window and the "home" links show. */
const HOME = new Set(['', '#', '#/']);

export function routeFromHash(hash: string): Route {
  if (HOME.has(hash)) return { page: 'list' };
  if (hash === '#/register') return { page: 'register' };
  if (hash === '#/sync') return { page: 'sync' };
  if (hash === '#/staff') return { page: 'staff' };
  if (hash === '#/backup') return { page: 'backup' };
  if (hash === '#/password') return { page: 'password' };
  if (hash === '#/queue') return { page: 'queue' };
  if (hash === '#/lab') return { page: 'lab' };
  if (hash === '#/pharmacy') return { page: 'pharmacy' };
  if (hash === '#/wards') return { page: 'wards' };
  if (hash === '#/referrals') return { page: 'referrals' };
  if (hash === '#/exports') return { page: 'exports' };
  const admit = ADMIT.exec(hash);
  if (admit?.[1]) return { page: 'admit', id: admit[1] };
  const stay = STAY.exec(hash);
  if (stay?.[1]) return { page: 'stay', id: stay[1] };
  const visit = VISIT.exec(hash);
  if (visit?.[1]) return { page: 'visit', id: visit[1] };
  const patient = PATIENT.exec(hash);
  if (!patient?.[1]) return { page: 'not-found' };
  if (patient[2] === '/edit') return { page: 'edit', id: patient[1] };
  if (patient[2] === '/chart') return { page: 'chart', id: patient[1] };
  return { page: 'patient', id: patient[1] };
}

export function hashFromRoute(route: Route): string {
  switch (route.page) {
    case 'register':
      return '#/register';
    case 'sync':
      return '#/sync';
    case 'staff':
      return '#/staff';
    case 'backup':
      return '#/backup';
    case 'password':
      return '#/password';
    case 'patient':
      return `#/patients/${route.id}`;
    case 'edit':
      return `#/patients/${route.id}/edit`;
    case 'chart':
      return `#/patients/${route.id}/chart`;
    case 'queue':
      return '#/queue';
    case 'visit':
      return `#/visits/${route.id}`;
    case 'lab':
      return '#/lab';
    case 'pharmacy':
      return '#/pharmacy';
    case 'wards':
      return '#/wards';
    case 'stay':
      return `#/stays/${route.id}`;
    case 'admit':
      return `#/visits/${route.id}/admit`;
    case 'referrals':
      return '#/referrals';
    case 'exports':
      return '#/exports';
    case 'list':
      return '#/';
    case 'not-found':
      return '#/not-found';
  }
}
