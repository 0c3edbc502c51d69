import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilityRecord } from '../../shared/admin/admin-api';
import { AdminApiError, type AdminClient } from '../api/admin-client';
import { errorMessage } from '../app/errors';
import { ConflictGroupCard, type ConflictAction } from './ConflictGroupCard';
import {
  conflictGroups,
  resolveConflict,
  type ConflictGroup,
  type LostValue,
  type ResolvedConflict,
} from './conflicts-api';
import { Pager } from './Pager';
import { ResolveDialog } from './ResolveDialog';
import { useKeysetPages } from './use-keyset-pages';
import './conflicts.css';

interface Resolving {
  action: ConflictAction;
  group: ConflictGroup;
  conflict: LostValue;
}

/**
 * The Xung đột page: open conflicts grouped by document, a page of documents at a time with
 * the API's cursor, filtered by facility. Restoring (province admins, who may see the values)
 * and dismissing go through a confirmation with an optional note; the row then says who
 * resolved it. One already resolved elsewhere (409) is said so and the page is asked again.
 */
export function ConflictsPage({
  client,
  canRestore,
  initialFacility = '',
}: {
  client: AdminClient;
  canRestore: boolean;
  /** From the address (`#/conflicts/facility=10010`, as a facility's view links it). */
  initialFacility?: string;
}) {
  const { t } = useTranslation();
  const [facilities, setFacilities] = useState<FacilityRecord[]>([]);
  const [facility, setFacility] = useState(initialFacility);
  const [resolving, setResolving] = useState<Resolving | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resolved, setResolved] = useState<ReadonlyMap<string, ResolvedConflict>>(new Map());

  useEffect(() => {
    let live = true;
    // The filter's names only: the list works without them.
    client.facilities().then(
      (list) => {
        if (live) setFacilities(list);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const pages = useKeysetPages(facility, async (cursor) => {
    const answer = await conflictGroups(client, { facility: facility || null, cursor });
    return { items: answer.documents, nextCursor: answer.nextCursor };
  });
  const facilityName = (code: string) => facilities.find((each) => each.code === code)?.name;

  const confirm = async (note: string) => {
    if (!resolving) return;
    setBusy(true);
    setDialogError(null);
    try {
      const done = await resolveConflict(client, resolving.conflict.id, resolving.action, note);
      setResolved((current) => new Map(current).set(done.id, done));
      setResolving(null);
    } catch (error) {
      if (error instanceof AdminApiError && error.code === 'already-resolved') {
        setResolving(null);
        setNotice(t('conflicts.alreadyResolved'));
        pages.reload();
      } else {
        setDialogError(errorMessage(t, error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page conflicts-page" data-testid="page-conflicts">
      <div className="page-title">
        <h1 tabIndex={-1}>{t('conflicts.title')}</h1>
        <label className="filter">
          {t('conflicts.facility')}
          <select
            id="conflicts-facility"
            data-testid="conflicts-facility"
            value={facility}
            onChange={(event) => {
              setNotice(null);
              setFacility(event.target.value);
            }}
          >
            <option value="">{t('conflicts.allFacilities')}</option>
            {facilities.map((each) => (
              <option key={each.code} value={each.code}>
                {each.code} — {each.name}
              </option>
            ))}
          </select>
        </label>
        <Pager pages={pages} />
      </div>
      <p className="hint">{t('conflicts.intro')}</p>
      {notice && (
        <p className="notice" role="status" data-testid="conflicts-notice">
          {notice}
        </p>
      )}
      {pages.error !== null && (
        <p className="form-error" role="alert" data-testid="conflicts-error">
          {errorMessage(t, pages.error)}
        </p>
      )}
      {pages.page === null ? (
        pages.error === null && <p className="empty">{t('conflicts.loading')}</p>
      ) : pages.page.items.length === 0 ? (
        <p className="empty" data-testid="conflicts-empty">
          {t('conflicts.empty')}
        </p>
      ) : (
        <div className="conflict-groups" data-testid="conflict-list" aria-busy={pages.loading}>
          {pages.page.items.map((group) => (
            <ConflictGroupCard
              key={`${group.collection}/${group.documentId}`}
              group={group}
              facilityName={facilityName(group.facilityCode)}
              resolved={resolved}
              canRestore={canRestore}
              onAction={(action, chosenGroup, conflict) => {
                setNotice(null);
                setDialogError(null);
                setResolving({ action, group: chosenGroup, conflict });
              }}
            />
          ))}
        </div>
      )}
      {resolving && (
        <ResolveDialog
          key={`${resolving.action}/${resolving.conflict.id}`}
          action={resolving.action}
          conflict={resolving.conflict}
          busy={busy}
          error={dialogError}
          onConfirm={(note) => void confirm(note)}
          onCancel={() => setResolving(null)}
        />
      )}
    </section>
  );
}
