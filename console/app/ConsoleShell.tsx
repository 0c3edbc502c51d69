import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminIdentity } from '../../shared/admin/admin-api';
import { LanguageSwitch } from './LanguageSwitch';
import { CONSOLE_PAGES, type ConsolePage } from './use-hash-route';

/** The header with who is signed in, the navigation (plain links: Tab and Enter), and the page. */
export function ConsoleShell({
  admin,
  page,
  onSignOut,
  children,
}: {
  admin: AdminIdentity;
  page: ConsolePage;
  onSignOut: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand" title={t('brand')}>
          Sen
        </span>
        <nav aria-label={t('shell.nav')}>
          {CONSOLE_PAGES.map((name) => (
            <a key={name} href={`#/${name}`} aria-current={name === page ? 'page' : undefined}>
              {t(`nav.${name}`)}
            </a>
          ))}
        </nav>
        <span className="who" data-testid="current-admin">
          {admin.displayName} · {t(`shell.roles.${admin.role}`)}
        </span>
        <LanguageSwitch />
        <button type="button" onClick={onSignOut} data-testid="sign-out">
          {t('shell.signOut')}
        </button>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
