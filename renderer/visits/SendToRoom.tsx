import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { useServices } from '../app/services-context';
import { useClinicalRooms } from './use-rooms';
import { problemMessage } from './visit-format';

/**
 * Reception sends a patient to an examination room (a clinical department: see use-rooms.ts)
 * and reads out the number issued.
 */
export function SendToRoom({ patient }: { patient: PatientDocument }) {
  const { t } = useTranslation();
  const { encounters } = useServices();
  const [open, setOpen] = useState(false);
  const rooms = useClinicalRooms();
  const [roomCode, setRoomCode] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await encounters.queue(patient, roomCode, roomCode);
      if (!result.ok) {
        setMessage({ text: result.problems.map((problem) => problemMessage(t, problem)).join(' '), error: true });
        return;
      }
      const room = rooms?.find((candidate) => candidate.code === roomCode)?.name ?? roomCode;
      setMessage({ text: t('visits.queued', { room, number: result.encounter.queueNumber }), error: false });
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="send-to-room">
      {!open && (
        <button type="button" data-testid="send-to-room" onClick={() => setOpen(true)}>
          {t('visits.sendToRoom')}
        </button>
      )}
      {open && (
        <form
          className="send-to-room-form"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
              event.preventDefault();
              void send();
            }
          }}
        >
          <label htmlFor="queue-room">{t('visits.room')}</label>
          <select id="queue-room" autoFocus value={roomCode} onChange={(event) => setRoomCode(event.target.value)}>
            <option value="">{t('visits.chooseRoom')}</option>
            {rooms?.map((room) => (
              <option key={room.code} value={room.code}>
                {room.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            {t('visits.send')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('visits.cancelSend')}
          </button>
          {rooms?.length === 0 && <p className="notice">{t('visits.noRooms')}</p>}
        </form>
      )}
      {message && (
        <p className={message.error ? 'form-error' : 'notice'} role="status" data-testid="queue-result">
          {message.text}
        </p>
      )}
    </div>
  );
}
