import { useTranslation } from 'react-i18next';
import type { ConflictGroup, LostValue, ResolvedConflict } from './conflicts-api';
import { formatTime } from './format-time';
import { valueDifferences, valueText } from './value-diff';
import { ValueCell } from './ValueCell';

export type ConflictAction = 'restore' | 'dismiss';

/**
 * One document with its open conflicts: whose record it is (patient code, visit, facility),
 * who wrote the version that stayed, and per field the kept and the overwritten value side by
 * side with who overwrote it from which PC and when. A resolved row says who resolved it.
 */
export function ConflictGroupCard({
  group,
  facilityName,
  resolved,
  canRestore,
  onAction,
}: {
  group: ConflictGroup;
  facilityName: string | undefined;
  resolved: ReadonlyMap<string, ResolvedConflict>;
  canRestore: boolean;
  onAction: (action: ConflictAction, group: ConflictGroup, conflict: LostValue) => void;
}) {
  const { t, i18n } = useTranslation();
  const at = (iso: string | null) => formatTime(iso, i18n.language);
  const fieldLabel = (field: string) => t(`conflicts.fields.${field}`, { defaultValue: field });
  const title = t(`conflicts.collections.${group.collection}`, { defaultValue: group.collection });
  const headingId = `conflict-doc-${group.documentId}`;
  return (
    <article className="conflict-group card" aria-labelledby={headingId} data-testid="conflict-group">
      <header>
        <h2 id={headingId}>
          {title}
          {' · '}
          <span data-testid="conflict-patient">
            {group.patientCode ? t('conflicts.patient', { code: group.patientCode }) : t('conflicts.patientUnknown')}
          </span>
        </h2>
        <span className="where">
          {group.facilityCode}
          {facilityName ? ` — ${facilityName}` : ''}
          {group.encounterId ? ` · ${t('conflicts.visit', { id: group.encounterId.slice(-8) })}` : ''}
          {' · '}
          <span title={group.documentId}>{t('conflicts.document', { id: group.documentId.slice(-8) })}</span>
        </span>
        <span className="master-by" data-testid="conflict-master-by">
          {group.documentExists
            ? t('conflicts.masterBy', {
                name: group.updatedByName ?? group.updatedBy ?? t('conflicts.unknownPerson'),
                at: at(group.receivedAt),
              })
            : t('conflicts.documentGone')}
        </span>
      </header>
      <table className="list conflicts">
        <thead>
          <tr>
            <th scope="col">{t('conflicts.field')}</th>
            <th scope="col">{t('conflicts.masterValue')}</th>
            <th scope="col">{t('conflicts.losingValue')}</th>
            <th scope="col">{t('conflicts.writtenBy')}</th>
            <th scope="col">{t('conflicts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {group.conflicts.map((conflict) => {
            const differences = valueDifferences(conflict.masterValue, conflict.losingValue);
            const hidden = conflict.valuesHidden === true;
            const done = resolved.get(conflict.id);
            const current = valueText(conflict.currentValue) ?? t('conflicts.nothing');
            return (
              <tr
                key={conflict.id}
                data-testid="conflict-row"
                data-field={conflict.field}
                className={done ? 'resolved' : ''}
              >
                <th scope="row">{fieldLabel(conflict.field)}</th>
                <ValueCell
                  value={conflict.masterValue}
                  differences={differences}
                  side="master"
                  hidden={hidden}
                  testId="conflict-master"
                />
                <ValueCell
                  value={conflict.losingValue}
                  differences={differences}
                  side="losing"
                  hidden={hidden}
                  testId="conflict-losing"
                />
                <td className="who" data-testid="conflict-by">
                  {t('conflicts.byOn', {
                    name: conflict.staffName ?? conflict.staffId ?? t('conflicts.unknownPerson'),
                    device: conflict.deviceName ?? t('conflicts.unknownPerson'),
                  })}
                  <span className="when">
                    {t('conflicts.clientTime', { at: at(conflict.clientTime) })} ·{' '}
                    {t('conflicts.recordedAt', { at: at(conflict.recordedAt) })}
                  </span>
                  {!hidden && valueText(conflict.currentValue) !== valueText(conflict.masterValue) && (
                    <span className="when">{t('conflicts.currentNow', { value: current })}</span>
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    {done ? (
                      <span data-testid="conflict-resolved">
                        {t(`conflicts.${done.resolution}`, { by: done.resolvedBy, at: at(done.resolvedAt) })}
                        {done.note && <span className="when">{t('conflicts.withNote', { note: done.note })}</span>}
                      </span>
                    ) : (
                      <>
                        {canRestore && !hidden && group.documentExists && (
                          <button
                            type="button"
                            data-testid="restore-conflict"
                            onClick={() => onAction('restore', group, conflict)}
                          >
                            {t('conflicts.restore')}
                          </button>
                        )}
                        <button
                          type="button"
                          data-testid="dismiss-conflict"
                          onClick={() => onAction('dismiss', group, conflict)}
                        >
                          {t('conflicts.dismiss')}
                        </button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
