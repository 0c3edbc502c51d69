import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { formatDisplayDate } from '../../shared/text/dates';
import { fullName } from '../app/format';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import type { EncounterResult } from './encounters-repository';
import { useClinicalRooms } from './use-rooms';
import { usePatientsById, useRoomQueue } from './use-visit';
import { problemMessage, timeOfDay } from './visit-format';
import { birthDateWithAge } from '../patients/patient-format';
import { nextToCall } from './visit-rules';
import './visits.css';

/** The room this PC shows, kept across restarts: a PC usually stands in one room. */
const ROOM_KEY = 'sen.queue.room';

/**
 * Today's queue of one room, live as reception (on any PC, through sync) sends patients. The
 * doctor calls the next waiting patient with F5, or opens a row with Enter; a nurse opens a
 * visit without calling it (the doctor who calls the patient in is the one who examines).
 */
export function QueuePage({ navigate }: { navigate: (route: Route) => void; id?: string }) {
  const { t } = useTranslation();
  const { encounters, session } = useServices();
  const rooms = useClinicalRooms() ?? [];
  const [roomCode, setRoomCode] = useState(() => localStorage.getItem(ROOM_KEY) ?? '');
  const [selected, setSelected] = useState(0);
  const [message, setMessage] = useState('');
  const today = encounters.today();
  const queue = useRoomQueue(roomCode, today);
  const patients = usePatientsById(queue?.map((visit) => visit.patientId) ?? []);
  const canCall = session.can('diagnosis.write');
  const rowsRef = useRef<HTMLTableSectionElement>(null);

  const chooseRoom = (code: string): void => {
    setRoomCode(code);
    setSelected(0);
    localStorage.setItem(ROOM_KEY, code);
  };

  const open = async (visit: EncounterDocument): Promise<void> => {
    if (canCall && visit.status === 'waiting') {
      let called: EncounterResult;
      try {
        called = await encounters.call(visit.id);
      } catch (error) {
        setMessage(t('visits.saveFailed', { message: String(error) }));
        return;
      }
      // Called in meanwhile by another doctor: the visit page says who and when.
      const byOther = !called.ok && called.problems.some((problem) => problem.code === 'called-by-other');
      if (!called.ok && !byOther) {
        setMessage(called.problems.map((problem) => problemMessage(t, problem)).join(' '));
        return;
      }
    }
    navigate({ page: 'visit', id: visit.id });
  };

  const callNext = async (): Promise<void> => {
    const next = queue && nextToCall(queue);
    if (!next) {
      setMessage(t('visits.nobodyWaiting'));
      return;
    }
    await open(next);
  };

  // F5 calls the next patient from anywhere on the page (and does not reload the window).
  const callNextRef = useRef(callNext);
  useEffect(() => {
    callNextRef.current = callNext;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'F5' || session.current.kind !== 'active') return;
      event.preventDefault();
      if (canCall) void callNextRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [session, canCall]);

  const focusRow = (index: number): void => {
    setSelected(index);
    rowsRef.current?.querySelectorAll<HTMLElement>('tr')[index]?.focus();
  };
  const duplicateNumbers = new Set(
    (queue ?? [])
      .filter((visit) => visit.status !== 'cancelled')
      .map((visit) => visit.queueNumber)
      .filter((number, index, all) => all.indexOf(number) !== index),
  );

  return (
    <section className="page queue" data-testid="QueuePage">
      <h1>{t('visits.queueTitle')}</h1>
      <div className="queue-toolbar">
        <label htmlFor="queue-room-select">{t('visits.queueRoom')}</label>
        <select id="queue-room-select" value={roomCode} onChange={(event) => chooseRoom(event.target.value)}>
          <option value="">{t('visits.chooseRoom')}</option>
          {rooms.map((room) => (
            <option key={room.code} value={room.code}>
              {room.name}
            </option>
          ))}
        </select>
        <span>{t('visits.queueDate', { date: formatDisplayDate(today) })}</span>
        <a href="#/wards" data-testid="wards-link">
          {t('inpatient.wardsLink')}
        </a>
        {canCall && (
          <button type="button" data-testid="call-next" onClick={() => void callNext()} disabled={roomCode === ''}>
            {t('visits.callNext')}
          </button>
        )}
      </div>
      <p className="notice">{t('visits.queueHint')}</p>
      {message && (
        <p className="notice" role="status" data-testid="queue-message">
          {message}
        </p>
      )}
      {roomCode === '' && <p className="empty">{t('visits.queueChooseRoom')}</p>}
      {roomCode !== '' && queue?.length === 0 && <p className="empty">{t('visits.queueEmpty')}</p>}
      {roomCode !== '' && queue && queue.length > 0 && (
        <table className="patients queue-table" data-testid="queue">
          <thead>
            <tr>
              <th>{t('visits.colNumber')}</th>
              <th>{t('visits.colPatient')}</th>
              <th>{t('visits.colAge')}</th>
              <th>{t('visits.colStatus')}</th>
              <th>{t('visits.colQueuedAt')}</th>
            </tr>
          </thead>
          <tbody ref={rowsRef}>
            {queue.map((visit, index) => {
              const patient = patients.get(visit.patientId);
              return (
                <tr
                  key={visit.id}
                  tabIndex={index === selected ? 0 : -1}
                  className={`status-${visit.status}${index === selected ? ' selected' : ''}`}
                  data-testid="queue-row"
                  data-status={visit.status}
                  onFocus={() => setSelected(index)}
                  onClick={() => void open(visit)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') void open(visit);
                    else if (event.key === 'ArrowDown') focusRow(Math.min(index + 1, queue.length - 1));
                    else if (event.key === 'ArrowUp') focusRow(Math.max(index - 1, 0));
                    else return;
                    event.preventDefault();
                  }}
                >
                  <td className="queue-number">
                    {visit.queueNumber}
                    {duplicateNumbers.has(visit.queueNumber) && visit.status !== 'cancelled' && (
                      <small className="duplicate-number"> ({t('visits.sameNumber')})</small>
                    )}
                  </td>
                  <td className="patient-name">{patient ? fullName(patient) : '…'}</td>
                  <td>{patient ? birthDateWithAge(t, patient.dateOfBirth, today) : ''}</td>
                  <td>{t(`visits.status_${visit.status}`)}</td>
                  <td>{timeOfDay(visit.queuedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
