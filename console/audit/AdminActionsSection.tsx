import { useTranslation } from 'react-i18next';
import type { AdminClient } from '../api/admin-client';
import { formatTime } from '../conflicts/format-time';
import { Pager } from '../conflicts/Pager';
import { useKeysetPages } from '../conflicts/use-keyset-pages';
import { adminActions } from './audit-api';
import { ListState } from './ListState';

/** What admins did (restores, dismissals, acknowledgements, accounts, facilities…), newest first. */
export function AdminActionsSection({ client }: { client: AdminClient }) {
  const { t, i18n } = useTranslation();
  const pages = useKeysetPages('admin-actions', (cursor) => adminActions(client, cursor));
  return (
    <div className="audit-section" data-testid="audit-admins">
      <p className="hint">{t('audit.admins.intro')}</p>
      <div className="section-tools">
        <Pager pages={pages} testId="admin-actions-pager" />
      </div>
      <ListState pages={pages} empty={t('audit.admins.empty')} testId="admin-actions">
        {(entries) => (
          <table className="list" data-testid="admin-action-list">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.admins.who')}</th>
                <th scope="col">{t('audit.admins.action')}</th>
                <th scope="col">{t('audit.admins.target')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="admin-action-row">
                  <td>{formatTime(entry.at, i18n.language)}</td>
                  <td>{entry.adminName}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.target ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    </div>
  );
}
