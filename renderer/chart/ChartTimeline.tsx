import { memo, useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineVisit } from './chart-timeline';
import { VisitDetails } from './VisitDetails';
import { displayDay } from './chart-format';
import { SignatureMark } from './SignatureMark';
import type { SignatureCheck } from '../../shared/clinical/signed-document';

const NO_CHECKS: ReadonlyMap<string, SignatureCheck> = new Map();
const NO_FACILITIES: ReadonlyMap<string, string> = new Map();
const NO_MERGED: ReadonlyMap<string, string> = new Map();

/**
 * The visits, newest first. One entry is in the tab order at a time (roving focus): arrows,
 * Home and End move between entries, Enter or Space opens one. Entries are drawn collapsed, so
 * two hundred visits cost two hundred lines, and a visit's details only once it is opened.
 */
export function ChartTimeline({
  timeline,
  signatures = NO_CHECKS,
  foreignFacilities = NO_FACILITIES,
  mergedRecords = NO_MERGED,
}: {
  timeline: readonly TimelineVisit[];
  signatures?: ReadonlyMap<string, SignatureCheck>;
  /** Names of the other facilities whose visits were fetched (renderer/history), by code */
  foreignFacilities?: ReadonlyMap<string, string>;
  /** Patient codes of the records merged into this one, by patient id: their visits say so */
  mergedRecords?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const list = useRef<HTMLOListElement>(null);

  const focusEntry = (index: number): void => {
    const bounded = Math.max(0, Math.min(timeline.length - 1, index));
    setCurrent(bounded);
    list.current?.querySelectorAll<HTMLButtonElement>('button.timeline-toggle')[bounded]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>): void => {
    if (!(event.target instanceof HTMLButtonElement) || !event.target.classList.contains('timeline-toggle')) return;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: timeline.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusEntry(next);
  };
  // Stable, so that moving or opening one entry re-renders that entry only.
  const toggle = useCallback(
    (id: string): void =>
      setExpanded((open) => {
        const next = new Set(open);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  return (
    <section className="chart-block chart-timeline" aria-labelledby="chart-timeline-title">
      <h2 id="chart-timeline-title">{t('chart.timeline')}</h2>
      <p className="hint">{t('chart.timelineHint')}</p>
      {timeline.length === 0 && <p className="empty">{t('chart.noVisits')}</p>}
      <ol ref={list} onKeyDown={onKeyDown} data-testid="chart-timeline">
        {timeline.map((visit, index) => (
          <TimelineEntry
            key={visit.id}
            visit={visit}
            focusable={index === Math.min(current, timeline.length - 1)}
            open={expanded.has(visit.id)}
            check={signatures.get(visit.id)}
            signatures={signatures}
            facilityName={foreignFacilities.get(visit.facilityCode)}
            mergedRecord={mergedRecords.get(visit.document.patientId)}
            index={index}
            onToggle={toggle}
            onFocusEntry={setCurrent}
          />
        ))}
      </ol>
    </section>
  );
}

const TimelineEntry = memo(function TimelineEntry({
  visit,
  focusable,
  open,
  check,
  signatures,
  facilityName,
  mergedRecord,
  index,
  onToggle,
  onFocusEntry,
}: {
  visit: TimelineVisit;
  focusable: boolean;
  open: boolean;
  check: SignatureCheck | undefined;
  signatures: ReadonlyMap<string, SignatureCheck>;
  /** Set for a visit made at another facility: shown on the entry */
  facilityName: string | undefined;
  /** The merged record's code, for a visit made on a record merged into this one */
  mergedRecord: string | undefined;
  index: number;
  onToggle: (id: string) => void;
  onFocusEntry: (index: number) => void;
}) {
  const { t } = useTranslation();
  const primary = visit.diagnoses.find((diagnosis) => diagnosis.primary) ?? visit.diagnoses[0];
  const detailsId = `visit-${visit.id}`;
  return (
    <li className={`timeline-entry status-${visit.status}`} data-visit={visit.id}>
      <button
        type="button"
        className="timeline-toggle"
        tabIndex={focusable ? 0 : -1}
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => onToggle(visit.id)}
        onFocus={() => onFocusEntry(index)}
      >
        <span className="timeline-date">{displayDay(visit.queueDate)}</span>{' '}
        {facilityName !== undefined && (
          <span className="timeline-facility" data-testid="timeline-facility">
            {t('history.atFacility', { name: `${facilityName} (${visit.facilityCode})` })}
          </span>
        )}{' '}
        {mergedRecord !== undefined && (
          <span className="timeline-facility" data-testid="timeline-merged">
            {t('chart.fromMergedRecord', { code: mergedRecord })}
          </span>
        )}{' '}
        {visit.stay && (
          <span className="timeline-stay" data-testid="timeline-stay">
            {t('chart.stayDates', {
              from: displayDay(visit.stay.admittedOn),
              to: visit.stay.dischargedOn ? displayDay(visit.stay.dischargedOn) : t('chart.stayOngoing'),
            })}
          </span>
        )}{' '}
        <span className="timeline-diagnosis">
          {primary ? `${primary.code} ${primary.name}` : t('chart.noDiagnosis')}
        </span>{' '}
        <span className="timeline-status">
          {visit.status === 'finished' && visit.disposition
            ? t(`chart.disposition_${visit.disposition}`)
            : t(`chart.status_${visit.status}`)}
        </span>
        <SignatureMark visit={visit} check={check} />
      </button>
      {open && <VisitDetails id={detailsId} visit={visit} signatures={signatures} />}
    </li>
  );
});
