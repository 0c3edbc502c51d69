import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDocument } from '../../shared/staff/staff-document';
import type { Permission } from '../../shared/staff/roles';
import { ChangePasswordPage } from '../staff/ChangePasswordPage';
import { EditPatientPage } from '../patients/EditPatientPage';
import { PatientDetailPage } from '../patients/PatientDetailPage';
import { PatientListPage } from '../patients/PatientListPage';
import { RegistrationPage } from '../patients/RegistrationPage';
import { hashFromRoute, routeFromHash, type Route } from './route';
import { landingRoute, mayOpen, shownRoute } from './landing';
import { NotFoundPage } from './NotFoundPage';
import { shortcutsFor } from './shortcuts';
import { UserMenu } from './UserMenu';
import { useServices } from './services-context';
import { StaffPage } from '../staff/StaffPage';
import { StatusBar } from './StatusBar';
import { SyncPanelPage } from '../sync/SyncPanelPage';
import { PatientChartPage } from '../chart/PatientChartPage';
import { LabWorklistPage } from '../orders/LabWorklistPage';
import { PharmacyPage } from '../prescriptions/PharmacyPage';
import { QueuePage } from '../visits/QueuePage';
import { VisitPage } from '../visits/VisitPage';
import { AdmissionPage } from '../inpatient/AdmissionPage';
import { StayPage } from '../inpatient/StayPage';
import { WardBoardPage } from '../inpatient/WardBoardPage';
import { BackupPage } from '../backup/BackupPage';
import { ReferralsPage } from '../referrals/ReferralsPage';
import { UpdateNotice } from '../updates/UpdateNotice';
import { ExportsPage } from '../exports/ExportsPage';

/** The main navigation: each page's link, for the roles that may use it. */
const NAV: readonly { page: Route['page']; href: string; label: string; needs?: Permission; also?: Route['page'] }[] = [
  { page: 'list', href: '#/', label: 'nav.patients', needs: 'patient.read' },
  { page: 'register', href: '#/register', label: 'nav.register', needs: 'patient.register' },
  { page: 'queue', href: '#/queue', label: 'nav.queue', needs: 'encounter.write', also: 'visit' },
  { page: 'lab', href: '#/lab', label: 'nav.lab', needs: 'lab-result.write' },
  { page: 'pharmacy', href: '#/pharmacy', label: 'nav.pharmacy', needs: 'dispense.write' },
  { page: 'referrals', href: '#/referrals', label: 'referrals.nav', needs: 'referral.receive' },
  { page: 'sync', href: '#/sync', label: 'nav.sync' },
  { page: 'staff', href: '#/staff', label: 'nav.staff', needs: 'staff.manage' },
  { page: 'backup', href: '#/backup', label: 'backup.nav', needs: 'backup.manage' },
  { page: 'exports', href: '#/exports', label: 'exports.nav', needs: 'export.claims' },
];

/** The logged-in app: header, the current page, the status bar; keyboard shortcuts for the desk. */
export function Shell({ user }: { user: StaffDocument }) {
  const { t } = useTranslation();
  const { session } = useServices();
  const can = (permission: Permission): boolean => session.can(permission);
  const [asked, setAsked] = useState<Route>(() => routeFromHash(window.location.hash));
  const route = shownRoute(asked, can);
  const home = landingRoute(can);
  const navigate = (next: Route): void => {
    window.location.hash = hashFromRoute(next);
  };
  const allowed = mayOpen(route, can);

  useEffect(() => {
    const onHashChange = (): void => setAsked(routeFromHash(window.location.hash));
    const onKeyDown = (event: KeyboardEvent): void => {
      // Keys typed on the lock screen must not drive the app underneath.
      if (session.current.kind !== 'active') return;
      const may = (permission: Permission): boolean => session.can(permission);
      const current = shownRoute(routeFromHash(window.location.hash), may);
      // Only the keys the header offers this role: the others do nothing (no refusal page).
      const offered = new Set(shortcutsFor(may).map((shortcut) => shortcut.key));
      if (event.key === 'F2' && offered.has('F2')) {
        event.preventDefault();
        navigate({ page: 'register' });
      } else if (event.key === 'F3' && offered.has('F3')) {
        event.preventDefault();
        if (current.page === 'list') document.getElementById('patient-search')?.focus();
        else navigate({ page: 'list' });
      } else if (event.key === 'Escape' && current.page !== landingRoute(may).page) {
        navigate(landingRoute(may));
      } else if (event.ctrlKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        session.lock();
      }
    };
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [session]);

  return (
    <div className="shell">
      <header className="app-header">
        <span className="brand" title={t('app.tagline')}>
          {t('app.name')}
        </span>
        <nav aria-label={t('nav.main')}>
          {NAV.filter((item) => item.needs === undefined || can(item.needs)).map((item) => (
            <a
              key={item.page}
              href={item.href}
              className={route.page === item.page || route.page === item.also ? 'active' : ''}
              aria-current={route.page === item.page ? 'page' : undefined}
            >
              {t(item.label)}
            </a>
          ))}
        </nav>
        <span className="shortcuts" aria-label={t('nav.shortcutsLabel')}>
          {shortcutsFor(can).map((shortcut) => (
            <span key={shortcut.key} title={`${shortcut.label}: ${t(shortcut.action)}`}>
              <kbd>{shortcut.label}</kbd> <span className="shortcut-action">{t(shortcut.action)}</span>
            </span>
          ))}
        </span>
        <UserMenu user={user} />
      </header>
      <main>
        {!allowed && (
          <section className="page">
            <p className="form-error" role="alert" data-testid="forbidden">
              {t('auth.forbidden')}
            </p>
            <a className="button-link" href={hashFromRoute(home)}>
              {t('nav.backHome')}
            </a>
          </section>
        )}
        {route.page === 'not-found' && <NotFoundPage home={home} />}
        {allowed && route.page === 'list' && <PatientListPage navigate={navigate} />}
        {allowed && route.page === 'register' && <RegistrationPage navigate={navigate} />}
        {allowed && route.page === 'patient' && <PatientDetailPage id={route.id} navigate={navigate} />}
        {allowed && route.page === 'edit' && <EditPatientPage id={route.id} navigate={navigate} />}
        {route.page === 'sync' && <SyncPanelPage navigate={navigate} />}
        {allowed && route.page === 'staff' && <StaffPage user={user} />}
        {allowed && route.page === 'backup' && <BackupPage user={user} />}
        {route.page === 'password' && <ChangePasswordPage user={user} />}
        {allowed && route.page === 'chart' && <PatientChartPage id={route.id} navigate={navigate} />}
        {allowed && route.page === 'queue' && <QueuePage navigate={navigate} />}
        {allowed && route.page === 'visit' && <VisitPage id={route.id} navigate={navigate} />}
        {allowed && route.page === 'lab' && <LabWorklistPage navigate={navigate} />}
        {allowed && route.page === 'pharmacy' && <PharmacyPage navigate={navigate} />}
        {allowed && route.page === 'wards' && <WardBoardPage navigate={navigate} />}
        {allowed && route.page === 'stay' && <StayPage id={route.id} navigate={navigate} />}
        {allowed && route.page === 'admit' && <AdmissionPage visitId={route.id} navigate={navigate} />}
        {allowed && route.page === 'referrals' && <ReferralsPage navigate={navigate} />}
        {allowed && route.page === 'exports' && <ExportsPage />}
      </main>
      <UpdateNotice />
      <StatusBar />
    </div>
  );
}
