import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../i18n/i18n';
import { EditPatientPage } from './EditPatientPage';
import { PatientDetailPage } from './PatientDetailPage';
import { PatientListPage } from './PatientListPage';
import { RegistrationPage } from './RegistrationPage';
import { hashFromRoute, routeFromHash, type Route } from './route';
import { StatusBar } from './StatusBar';
import { SyncPanelPage } from './SyncPanelPage';

/** The enrolled app: header, the current page, the status bar; keyboard shortcuts for the desk. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  const navigate = (next: Route): void => {
    window.location.hash = hashFromRoute(next);
  };

  useEffect(() => {
    const onHashChange = (): void => setRoute(routeFromHash(window.location.hash));
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'F2') {
        event.preventDefault();
        navigate({ page: 'register' });
      } else if (event.key === 'F3') {
        event.preventDefault();
        if (routeFromHash(window.location.hash).page === 'list') document.getElementById('patient-search')?.focus();
        else navigate({ page: 'list' });
      } else if (event.key === 'Escape' && routeFromHash(window.location.hash).page !== 'list') {
        navigate({ page: 'list' });
      }
    };
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <div className="shell">
      <header className="app-header">
        <span className="brand">
          {t('app.name')} <small>{t('app.tagline')}</small>
        </span>
        <nav>
          <a href="#/" className={route.page === 'list' ? 'active' : ''}>
            {t('nav.patients')}
          </a>
          <a href="#/register" className={route.page === 'register' ? 'active' : ''}>
            {t('nav.register')}
          </a>
          <a href="#/sync" className={route.page === 'sync' ? 'active' : ''}>
            {t('nav.sync')}
          </a>
        </nav>
        <span className="shortcuts">{t('nav.shortcuts')}</span>
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
        {route.page === 'list' && <PatientListPage navigate={navigate} />}
        {route.page === 'register' && <RegistrationPage navigate={navigate} />}
        {route.page === 'patient' && <PatientDetailPage id={route.id} navigate={navigate} />}
        {route.page === 'edit' && <EditPatientPage id={route.id} navigate={navigate} />}
        {route.page === 'sync' && <SyncPanelPage navigate={navigate} />}
      </main>
      <StatusBar />
    </div>
  );
}
