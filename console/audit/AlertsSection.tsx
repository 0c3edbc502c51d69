import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminClient } from '../api/admin-client';
import { AdminApiError } from '../api/admin-client';
import { errorMessage } from '../app/errors';
import { formatTime } from '../conflicts/format-time';
import { Pager } from '../conflicts/Pager';
import { useKeysetPages } from '../conflicts/use-keyset-pages';
import { acknowledgeAlert, auditAlerts, type AuditAlert } from './audit-api';
import { ListState } from './ListState';

/**
 * Breaks in PCs' audit chains with the PC and its facility; an open alert is acknowledged with
 * a note, which is required: the admin says what was checked. After acknowledging, the list is
 * asked again (the alert leaves the open list); one acknowledged meanwhile says so.
 */
export function AlertsSection({ client }: { client: AdminClient }) {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const [acknowledging, setAcknowledging] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const state = showAll ? 'all' : 'open';
  const pages = useKeysetPages(state, (cursor) => auditAlerts(client, state, cursor));
  const at = (iso: string | null) => formatTime(iso, i18n.language);

  const submit = async (event: SyntheticEvent, alert: AuditAlert) => {
    event.preventDefault();
    if (note.trim() === '') {
      setFormError(t('audit.alerts.noteRequired'));
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await acknowledgeAlert(client, alert.id, note.trim());
      setNotice(t('audit.alerts.done', { device: alert.deviceName }));
      setAcknowledging(null);
      pages.reload();
    } catch (error) {
      if (error instanceof AdminApiError && error.code === 'already-resolved') {
        setAcknowledging(null);
        setNotice(t('errors.already-resolved'));
        pages.reload();
      } else {
        setFormError(errorMessage(t, error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="audit-section" data-testid="audit-alerts">
      <p className="hint">{t('audit.alerts.intro')}</p>
      <div className="section-tools">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showAll}
            data-testid="alerts-show-all"
            onChange={(event) => setShowAll(event.target.checked)}
          />
          {t('audit.alerts.showAll')}
        </label>
        <Pager pages={pages} testId="alerts-pager" />
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="alerts-notice">
          {notice}
        </p>
      )}
      <ListState pages={pages} empty={t('audit.alerts.empty')} testId="alerts">
        {(alerts) => (
          <table className="list" data-testid="alert-list">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.facility')}</th>
                <th scope="col">{t('audit.device')}</th>
                <th scope="col">{t('audit.alerts.kind')}</th>
                <th scope="col">{t('audit.alerts.seq')}</th>
                <th scope="col">{t('audit.alerts.state')}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((alert) => (
                <tr key={alert.id} data-testid="alert-row">
                  <td>{at(alert.detectedAt)}</td>
                  <td>{alert.facilityCode}</td>
                  <td>{alert.deviceName}</td>
                  <td>{t(`audit.alerts.kinds.${alert.kind}`, { defaultValue: alert.kind })}</td>
                  <td>{alert.seq}</td>
                  <td>
                    <div className="row-actions">
                      {alert.acknowledgedAt ? (
                        <span data-testid="alert-acknowledged">
                          {t('audit.alerts.acknowledgedBy', {
                            by: alert.acknowledgedBy,
                            at: at(alert.acknowledgedAt),
                            note: alert.note,
                          })}
                        </span>
                      ) : acknowledging === alert.id ? (
                        <form className="inline-form" noValidate onSubmit={(event) => void submit(event, alert)}>
                          <label htmlFor={`ack-note-${alert.id}`}>{t('audit.alerts.note')}</label>
                          <input
                            id={`ack-note-${alert.id}`}
                            data-testid="ack-note"
                            autoFocus
                            required
                            maxLength={1000}
                            aria-invalid={formError !== null}
                            aria-describedby={formError ? `ack-error-${alert.id}` : undefined}
                            value={note}
                            onChange={(event) => setNote(event.target.value)}
                            onKeyDown={(event) => {
                              if (event.key === 'Escape') setAcknowledging(null);
                            }}
                          />
                          {formError && (
                            <span
                              className="field-error"
                              id={`ack-error-${alert.id}`}
                              role="alert"
                              data-testid="ack-error"
                            >
                              {formError}
                            </span>
                          )}
                          <button type="submit" className="primary" disabled={busy} data-testid="ack-save">
                            {t('audit.alerts.save')}
                          </button>
                          <button type="button" onClick={() => setAcknowledging(null)}>
                            {t('audit.alerts.cancel')}
                          </button>
                        </form>
                      ) : (
                        <button
                          type="button"
                          data-testid="acknowledge-alert"
                          onClick={() => {
                            setNote('');
                            setFormError(null);
                            setNotice(null);
                            setAcknowledging(alert.id);
                          }}
                        >
                          {t('audit.alerts.acknowledge')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    </div>
  );
}
