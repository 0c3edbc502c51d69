import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantinedDocument } from './quarantine';
import { useObservable } from '../db/hooks';
import { INITIAL_SYNC_STATUS } from './sync-status';
import { formatDateTime } from '../app/format';
import type { Route } from '../app/route';
import { DeviceNameSection } from '../device/DeviceNameSection';
import { EraseDeviceSection } from '../device/EraseDeviceSection';
import { useServices } from '../app/services-context';
import { isReplicatedCollection } from './sync-client';
import { LostValuesPanel } from './LostValuesPanel';

const NO_ENTRIES: QuarantinedDocument[] = [];

/** The record that already holds a refused record's CCCD or patient code, if that was the reason. */
function existingRecordId(entry: QuarantinedDocument): string | undefined {
  const problems = (entry.details as { problems?: { existingId?: unknown }[] } | undefined)?.problems ?? [];
  const existing = problems.find((problem) => typeof problem.existingId === 'string')?.existingId;
  return typeof existing === 'string' ? existing : undefined;
}

function recordLabel(entry: QuarantinedDocument): string {
  const code = entry.row.newDocumentState.patientCode;
  return typeof code === 'string' ? code : entry.id;
}

/** For the facility's sync admin: is everything sent, and what did the server refuse, and why. */
export function SyncPanelPage({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { sync } = useServices();
  const status = useObservable(sync.status$, INITIAL_SYNC_STATUS);
  const quarantine$ = useMemo(() => sync.quarantine$, [sync]);
  const held = useObservable(quarantine$, NO_ENTRIES);

  const reason = (entry: QuarantinedDocument): string => {
    const details = entry.details as { problems?: { code: string }[]; reason?: unknown } | undefined;
    const problems = (details?.problems ?? []).map((problem) =>
      t(`problems.${problem.code}`, { defaultValue: problem.code }),
    );
    const general = t(`syncPanel.reasons.${entry.code}`, { defaultValue: entry.message });
    // A refusal of the person named in the record says which rule: who they are, or their signature.
    const refusal =
      typeof details?.reason === 'string'
        ? t(`syncPanel.refusals.${details.reason}`, { defaultValue: general })
        : general;
    return [refusal, ...problems].join(' ');
  };

  return (
    <section className="page sync-panel">
      <h1>{t('syncPanel.title')}</h1>
      <dl className="sync-summary">
        <div>
          <dt>{t('syncPanel.connection')}</dt>
          <dd data-testid="panel-connection">
            {status.problem === 'device-revoked'
              ? t('syncState.revoked')
              : status.online
                ? t('sync.online')
                : t('sync.offline')}
          </dd>
        </div>
        <div>
          <dt>{t('syncPanel.lastSynced')}</dt>
          <dd>{status.lastSyncedAt ? formatDateTime(status.lastSyncedAt) : t('sync.never')}</dd>
        </div>
        <div>
          <dt>{t('syncPanel.unsent')}</dt>
          <dd data-testid="panel-unsent">{status.unsent}</dd>
        </div>
        <div>
          <dt>{t('syncState.panelUnsentAudit')}</dt>
          <dd data-testid="panel-unsent-audit">{status.unsentAudit}</dd>
        </div>
      </dl>
      {status.problem === 'device-revoked' && <EraseDeviceSection unsent={status.unsent} />}
      {status.problem !== 'device-revoked' && <DeviceNameSection />}
      <h2>{t('syncPanel.quarantineTitle', { count: held.length })}</h2>
      {held.length === 0 ? (
        <p className="empty">{t('syncPanel.quarantineEmpty')}</p>
      ) : (
        <table className="patients" data-testid="quarantine">
          <thead>
            <tr>
              <th>{t('syncPanel.record')}</th>
              <th>{t('syncPanel.reason')}</th>
              <th>{t('syncPanel.refusedAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {held.map((entry) => (
              <tr key={`${entry.collection}/${entry.id}`}>
                <td>{recordLabel(entry)}</td>
                <td>{reason(entry)}</td>
                <td>{formatDateTime(entry.at)}</td>
                <td className="row-actions">
                  {entry.collection === 'patients' && existingRecordId(entry) !== undefined && (
                    <button
                      type="button"
                      data-testid="quarantine-existing"
                      onClick={() => navigate({ page: 'patient', id: existingRecordId(entry) ?? entry.id })}
                    >
                      {t('syncPanel.existing')}
                    </button>
                  )}
                  {entry.collection === 'patients' && !entry.row.newDocumentState._deleted && (
                    <button type="button" onClick={() => navigate({ page: 'edit', id: entry.id })}>
                      {t('syncPanel.fix')}
                    </button>
                  )}
                  <ResendButton collection={entry.collection} id={entry.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LostValuesPanel navigate={navigate} />
    </section>
  );
}

function ResendButton({ collection, id }: { collection: string; id: string }) {
  const { t } = useTranslation();
  const { sync } = useServices();
  if (!isReplicatedCollection(collection)) return null;
  return (
    <button type="button" onClick={() => void sync.resend(collection, id)}>
      {t('syncPanel.resend')}
    </button>
  );
}
