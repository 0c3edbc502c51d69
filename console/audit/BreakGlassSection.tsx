import { useTranslation } from 'react-i18next';
import type { AdminClient } from '../api/admin-client';
import { formatTime } from '../conflicts/format-time';
import { Pager } from '../conflicts/Pager';
import { useKeysetPages } from '../conflicts/use-keyset-pages';
import { breakGlassLookups } from './audit-api';
import { ListState } from './ListState';

/** Emergency (break-glass) lookups of records at other facilities: who, which patient, why. */
export function BreakGlassSection({ client }: { client: AdminClient }) {
  const { t, i18n } = useTranslation();
  const pages = useKeysetPages('break-glass', (cursor) => breakGlassLookups(client, cursor));
  return (
    <div className="audit-section" data-testid="audit-break-glass">
      <p className="hint">{t('audit.breakGlass.intro')}</p>
      <div className="section-tools">
        <Pager pages={pages} testId="break-glass-pager" />
      </div>
      <ListState pages={pages} empty={t('audit.breakGlass.empty')} testId="break-glass">
        {(lookups) => (
          <table className="list" data-testid="break-glass-list">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.facility')}</th>
                <th scope="col">{t('audit.breakGlass.who')}</th>
                <th scope="col">{t('audit.breakGlass.patient')}</th>
                <th scope="col">{t('audit.breakGlass.reason')}</th>
                <th scope="col">{t('audit.breakGlass.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {lookups.map((lookup) => (
                <tr key={lookup.id} data-testid="break-glass-row">
                  <td>{formatTime(lookup.askedAt, i18n.language)}</td>
                  <td>{lookup.facilityCode}</td>
                  <td>
                    {lookup.username}
                    <span className="when">
                      {t('audit.device')}: {lookup.deviceName}
                    </span>
                  </td>
                  <td>{[lookup.cccd, lookup.bhyt].filter((value) => value !== '').join(' / ') || '—'}</td>
                  <td>
                    {lookup.reason}
                    <span className="when">
                      {t('audit.breakGlass.purpose')}: {lookup.purpose}
                    </span>
                  </td>
                  <td>{t(`audit.breakGlass.outcomes.${lookup.outcome}`, { defaultValue: lookup.outcome })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    </div>
  );
}
