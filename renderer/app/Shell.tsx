import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { changeLanguage, LANGUAGES, type Language } from '../i18n/i18n';
import { ChangePasswordPage } from '../staff/ChangePasswordPage';
import { EditPatientPage } from '../patients/EditPatientPage';
import { PatientDetailPage } from '../patients/PatientDetailPage';
import { PatientListPage } from '../patients/PatientListPage';
import { RegistrationPage } from '../patients/RegistrationPage';
import { hashFromRoute, routeFromHash, type Route } from './route';
import { ROUTE_PERMISSIONS } from './route-permissions';
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

/** The logged-in app: header, the current page, the status bar; keyboard shortcuts for the desk. */
export function Shell({ user }: { user: StaffDocument }) {
  const { t, i18n } = useTranslation();
  const { session } = useServices();
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  const navigate = (next: Route): void => {
    window.location.hash = hashFromRoute(next);
  };
  const needed = ROUTE_PERMISSIONS[route.page];
  const allowed = needed === undefined || session.can(needed);

  useEffect(() => {
    const onHashChange = (): void => setRoute(routeFromHash(window.location.hash));
    const onKeyDown = (event: KeyboardEvent): void => {
      // Keys typed on the lock screen must not drive the app underneath.
      if (session.current.kind !== 'active') return;
      if (event.key === 'F2') {
        event.preventDefault();
        navigate({ page: 'register' });
      } else if (event.key === 'F3') {
        event.preventDefault();
        if (routeFromHash(window.location.hash).page === 'list') document.getElementById('patient-search')?.focus();
        else navigate({ page: 'list' });
      } else if (event.key === 'Escape' && routeFromHash(window.location.hash).page !== 'list') {
        navigate({ page: 'list' });
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
        <span className="brand">
          {t('app.name')} <small>{t('app.tagline')}</small>
        </span>
        <nav>
          {session.can('patient.read') && (
            <a href="#/" className={route.page === 'list' ? 'active' : ''}>
              {t('nav.patients')}
            </a>
          )}
          {session.can('patient.register') && (
            <a href="#/register" className={route.page === 'register' ? 'active' : ''}>
              {t('nav.register')}
            </a>
          )}
          {session.can('encounter.write') && (
            <a href="#/queue" className={route.page === 'queue' || route.page === 'visit' ? 'active' : ''}>
              {t('nav.queue')}
            </a>
          )}
          {session.can('lab-result.write') && (
            <a href="#/lab" className={route.page === 'lab' ? 'active' : ''}>
              {t('nav.lab')}
            </a>
          )}
          {session.can('dispense.write') && (
            <a href="#/pharmacy" className={route.page === 'pharmacy' ? 'active' : ''}>
              {t('nav.pharmacy')}
            </a>
          )}
          <a href="#/sync" className={route.page === 'sync' ? 'active' : ''}>
            {t('nav.sync')}
          </a>
          {session.can('staff.manage') && (
            <a href="#/staff" className={route.page === 'staff' ? 'active' : ''}>
              {t('nav.staff')}
            </a>
          )}
        </nav>
        <span className="shortcuts">{t('nav.shortcuts')}</span>
        <span className="current-user" data-testid="current-user">
          {user.displayName}
          <small>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</small>
        </span>
        <a href="#/password">{t('auth.changePassword')}</a>
        <button type="button" onClick={() => session.lock()} title="Ctrl+L">
          {t('auth.lock')}
        </button>
        <button type="button" onClick={() => session.logout()}>
          {t('auth.logout')}
        </button>
        <select
          aria-label={t('app.language')}
          value={i18n.language}
          onChange={(event) => void changeLanguage(event.target.value as Language)}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {language === 'vi' ? 'Tiếng Việt' : 'English'}
            </option>
          ))}
        </select>
      </header>
      <main>
        {!allowed && (
          <p className="page form-error" role="alert" data-testid="forbidden">
            {t('auth.forbidden')}
          </p>
        )}
        {allowed && route.page === 'list' && <PatientListPage navigate={navigate} />}
        {allowed && route.page === 'register' && <RegistrationPage navigate={navigate} />}
        {allowed && route.page === 'patient' && <PatientDetailPage id={route.id} navigate={navigate} />}
        {allowed && route.page === 'edit' && <EditPatientPage id={route.id} navigate={navigate} />}
        {route.page === 'sync' && <SyncPanelPage navigate={navigate} />}
        {allowed && route.page === 'staff' && <StaffPage user={user} />}
        {route.page === 'password' && <ChangePasswordPage user={user} />}
        {allowed && route.page === 'chart' && <PatientChartPage id={route.id} navigate={navigate} />}
        {allowed && route.page === 'queue' && <QueuePage navigate={navigate} />}
        {allowed && route.page === 'visit' && <VisitPage id={route.id} navigate={navigate} />}
        {allowed && route.page === 'lab' && <LabWorklistPage navigate={navigate} />}
        {allowed && route.page === 'pharmacy' && <PharmacyPage navigate={navigate} />}
        {allowed && route.page === 'wards' && <WardBoardPage navigate={navigate} />}
        {allowed && route.page === 'stay' && <StayPage id={route.id} navigate={navigate} />}
        {allowed && route.page === 'admit' && <AdmissionPage visitId={route.id} navigate={navigate} />}
      </main>
      <StatusBar />
    </div>
  );
}
