import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilityRecord } from '../../shared/admin/admin-api';
import type { DuplicatePage } from '../../shared/identity/duplicates-api';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import { AdminApiError, type AdminClient } from '../api/admin-client';
import { errorMessage } from '../app/errors';
import { CandidatePairView, type Decision } from './CandidatePairView';
import { DecisionPanel } from './DecisionPanel';
import { dismissDuplicate, listDuplicates, mergeDuplicates } from './duplicates-api';
import './duplicates.css';

/** Pairs per page: two fit side by side on a 1366×768 screen with the panel open. */
const PAGE_SIZE = 10;
const RELOADING_ERRORS = new Set(['already-resolved', 'not-found']);

/**
 * Bệnh nhân trùng: the master patient index's candidate pairs, a page at a time (keyset cursors
 * from the server; the cursors of the pages before are kept for "previous"), filtered by
 * facility, each merged (keeping either record as primary) or dismissed after a confirmation.
 */
export function DuplicatesPage({ client }: { client: AdminClient }) {
  const { t } = useTranslation();
  const [facilities, setFacilities] = useState<FacilityRecord[]>([]);
  const [facility, setFacility] = useState('');
  /** The cursor of each page shown so far: the last is the current page's. */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<DuplicatePage | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [decisionError, setDecisionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const cursor = cursors.at(-1) ?? null;

  useEffect(() => {
    client.facilities().then(setFacilities, () => setFacilities([]));
  }, [client]);

  useEffect(() => {
    let live = true;
    listDuplicates(client, { facility: facility || null, cursor, limit: PAGE_SIZE }).then(
      (loaded) => {
        if (live) setPage(loaded);
      },
      (error: unknown) => {
        if (live) setPageError(errorMessage(t, error));
      },
    );
    return () => {
      live = false;
    };
  }, [client, t, facility, cursor, version]);

  const reload = () => setVersion((current) => current + 1);

  const decide = async (note: string) => {
    if (!decision) return;
    setBusy(true);
    setDecisionError(null);
    const { firstId, secondId, first, second } = decision.candidate;
    try {
      if (decision.kind === 'merge') {
        const primary = decision.primary === 'first' ? first : second;
        const person = await mergeDuplicates(client, { firstId, secondId, primaryId: primary.patientId, note });
        setNotice(
          t('duplicates.merged', {
            primaryCode: displayPatientCode(primary.patientCode),
            count: person.members.length,
          }),
        );
      } else {
        await dismissDuplicate(client, { firstId, secondId, note });
        setNotice(t('duplicates.dismissed'));
      }
      setDecision(null);
      reload();
    } catch (error) {
      if (error instanceof AdminApiError && RELOADING_ERRORS.has(error.code)) {
        setDecision(null);
        setPageError(t(`duplicates.errors.${error.code}`));
        reload();
      } else {
        setDecisionError(errorMessage(t, error));
      }
    } finally {
      setBusy(false);
    }
  };

  const candidates = page?.candidates ?? [];
  const offset = (cursors.length - 1) * PAGE_SIZE;
  return (
    <section className="page duplicates" data-testid="page-duplicates">
      <div className="page-title">
        <h1 tabIndex={-1}>{t('duplicates.title')}</h1>
        <label className="facility-filter">
          {t('duplicates.facility')}
          <select
            value={facility}
            data-testid="duplicates-facility"
            onChange={(event) => {
              setFacility(event.target.value);
              setCursors([null]);
              setNotice(null);
            }}
          >
            <option value="">{t('duplicates.allFacilities')}</option>
            {facilities.map((option) => (
              <option key={option.code} value={option.code}>
                {option.code} — {option.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">{t('duplicates.intro')}</p>
      {notice && (
        <p className="notice" role="status" data-testid="duplicates-notice">
          {notice}
        </p>
      )}
      {pageError && (
        <p className="form-error" role="alert" data-testid="duplicates-error">
          {pageError}
        </p>
      )}
      {decision && (
        <DecisionPanel
          decision={decision}
          busy={busy}
          error={decisionError}
          onConfirm={(note) => void decide(note)}
          onCancel={() => setDecision(null)}
        />
      )}
      {page === null ? (
        <p className="empty">{t('duplicates.loading')}</p>
      ) : candidates.length === 0 ? (
        <p className="empty" data-testid="duplicates-empty">
          {t('duplicates.empty')}
        </p>
      ) : (
        <div className="pairs" data-testid="duplicate-list">
          {candidates.map((candidate, index) => (
            <CandidatePairView
              key={`${candidate.firstId}/${candidate.secondId}`}
              candidate={candidate}
              number={offset + index + 1}
              onDecide={(next) => {
                setDecisionError(null);
                setNotice(null);
                setPageError(null);
                setDecision(next);
              }}
            />
          ))}
        </div>
      )}
      <div className="actions pager">
        <button
          type="button"
          disabled={cursors.length === 1}
          onClick={() => setCursors((current) => current.slice(0, -1))}
        >
          {t('duplicates.previous')}
        </button>
        <button
          type="button"
          data-testid="duplicates-next"
          disabled={!page?.nextCursor}
          onClick={() => {
            const next = page?.nextCursor;
            if (next) setCursors((current) => [...current, next]);
          }}
        >
          {t('duplicates.next')}
        </button>
      </div>
    </section>
  );
}
