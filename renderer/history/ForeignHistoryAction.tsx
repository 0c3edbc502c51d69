import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';
import { useObservable } from '../db/hooks';
import { INITIAL_SYNC_STATUS } from '../sync/sync-status';
import type { ForeignHistory, LookupResult } from './foreign-history-repository';
import './history.css';

type Message = { kind: 'error' | 'success'; text: string };

/**
 * "Tiền sử tại cơ sở khác" on the chart: asks for the purpose (and, for a break-glass access,
 * the reason), then asks the province. Online only; offline it says so, and what was fetched
 * before stays on the chart. Opens with focus in the purpose; Enter looks up, Escape closes.
 */
export function ForeignHistoryAction({
  patient,
  history,
  onFetched,
}: {
  patient: PatientDocument;
  history: ForeignHistory | undefined;
  onFetched: () => void;
}) {
  const { t } = useTranslation();
  const { history: repository, sync } = useServices();
  const online = useObservable(sync.status$, INITIAL_SYNC_STATUS).online;
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const lookUp = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    let result: LookupResult;
    try {
      result = await repository.lookUp(patient, { purpose, emergency, reason });
    } finally {
      setBusy(false);
    }
    if (result.ok) {
      setMessage({
        kind: 'success',
        text: result.count > 0 ? t('history.fetched', { count: result.count }) : t('history.fetchedNone'),
      });
      setOpen(false);
      setPurpose('');
      setReason('');
      setEmergency(false);
      onFetched();
    } else {
      setMessage({ kind: 'error', text: t(`history.problem-${result.problem}`) });
    }
  };

  const kept = history && history.fetchedAt !== null && history.facilities.size > 0 ? history : null;
  return (
    <div className="foreign-history" data-testid="foreign-history">
      <button
        type="button"
        onClick={() => {
          setOpen(!open);
          setMessage(null);
        }}
        aria-expanded={open}
        aria-controls="foreign-history-form"
        data-testid="foreign-history-open"
      >
        {t('history.open')}
      </button>
      {kept && (
        <p className="hint" data-testid="foreign-history-kept">
          {t('history.kept', {
            date: formatDateTime(kept.fetchedAt ?? ''),
            facilities: [...kept.facilities].map(([code, name]) => `${name} (${code})`).join(', '),
          })}
        </p>
      )}
      {open && !online && (
        <p className="form-error" role="status" data-testid="foreign-history-offline">
          {t('history.offline')}
        </p>
      )}
      {open && online && (
        <form
          id="foreign-history-form"
          className="foreign-history-form"
          aria-labelledby="foreign-history-title"
          onSubmit={(event) => {
            event.preventDefault();
            void lookUp();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setOpen(false);
            }
          }}
        >
          <h3 id="foreign-history-title">{t('history.title')}</h3>
          <p className="hint">{t('history.intro')}</p>
          <label htmlFor="foreign-history-purpose">{t('history.purpose')}</label>
          <input
            id="foreign-history-purpose"
            autoFocus
            maxLength={500}
            value={purpose}
            placeholder={t('history.purposePlaceholder')}
            onChange={(event) => setPurpose(event.target.value)}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={emergency}
              onChange={(event) => setEmergency(event.target.checked)}
              data-testid="foreign-history-emergency"
            />{' '}
            {t('history.emergency')}
          </label>
          {emergency && (
            <>
              <label htmlFor="foreign-history-reason">{t('history.reason')}</label>
              <input
                id="foreign-history-reason"
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </>
          )}
          <div className="actions">
            <button type="submit" disabled={busy} data-testid="foreign-history-submit">
              {busy ? t('history.fetching') : t('history.submit')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('history.cancel')}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p
          className={message.kind === 'error' ? 'form-error' : 'form-success'}
          role="status"
          data-testid="foreign-history-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
