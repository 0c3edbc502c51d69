import { useTranslation } from 'react-i18next';
import type { AdminClient } from '../api/admin-client';
import { AdminActionsSection } from './AdminActionsSection';
import { AlertsSection } from './AlertsSection';
import { BreakGlassSection } from './BreakGlassSection';
import { PatientAccessSection } from './PatientAccessSection';
import './audit.css';

const TABS = ['alerts', 'breakGlass', 'patient', 'admins'] as const;
type AuditTab = (typeof TABS)[number];

const tabOf = (name: string | undefined): AuditTab =>
  (TABS as readonly string[]).includes(name ?? '') ? (name as AuditTab) : 'alerts';

/**
 * The Nhật ký page: chain-break alerts, break-glass lookups, a patient's access trail and the
 * admins' own actions, one section at a time. The section is in the hash (`#/audit/patient/<code>`)
 * so a link or the browser's back button returns to it; the tabs are links (Tab, Enter).
 */
export function AuditPage({ client, path }: { client: AdminClient; path: readonly string[] }) {
  const { t } = useTranslation();
  const tab = tabOf(path[0]);
  return (
    <section className="page audit-page" data-testid="page-audit">
      <div className="page-title">
        <h1 tabIndex={-1}>{t('audit.title')}</h1>
      </div>
      <nav className="tabs" aria-label={t('audit.tabs.label')}>
        {TABS.map((name) => (
          <a
            key={name}
            href={`#/audit/${name}`}
            aria-current={name === tab ? 'page' : undefined}
            data-testid={`audit-tab-${name}`}
          >
            {t(`audit.tabs.${name}`)}
          </a>
        ))}
      </nav>
      {tab === 'alerts' && <AlertsSection client={client} />}
      {tab === 'breakGlass' && <BreakGlassSection client={client} />}
      {tab === 'patient' && <PatientAccessSection client={client} code={path[1] ?? ''} />}
      {tab === 'admins' && <AdminActionsSection client={client} />}
    </section>
  );
}
