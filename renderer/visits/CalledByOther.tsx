import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { formatDateTime } from '../app/format';
import { FormError } from '../app/FormError';
import { useServices } from '../app/services-context';
import { problemMessage } from './visit-format';

/**
 * Said to a doctor who opens a visit another doctor called in: who called it and when. Taking
 * it over is asked for and confirmed; the visit's new version then names this doctor.
 */
export function CalledByOther({ encounter, canTakeOver }: { encounter: EncounterDocument; canTakeOver: boolean }) {
  const { t } = useTranslation();
  const { encounters, staff } = useServices();
  const [doctorName, setDoctorName] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void staff.get(encounter.doctorId).then((found) => {
      if (current) setDoctorName(found?.displayName ?? '');
    });
    return () => {
      current = false;
    };
  }, [staff, encounter.doctorId]);

  const doctor = doctorName || encounter.doctorId;
  const takeOver = async (): Promise<void> => {
    if (!window.confirm(t('visits.confirmTakeOver', { doctor }))) return;
    try {
      const result = await encounters.takeOver(encounter.id);
      setFailure(result.ok ? null : result.problems.map((problem) => problemMessage(t, problem)).join(' '));
    } catch (error) {
      setFailure(t('visits.saveFailed', { message: String(error) }));
    }
  };

  return (
    <div className="notice" data-testid="called-by-other">
      <p role="status">{t('visits.calledByOther', { doctor, time: formatDateTime(encounter.calledAt) })}</p>
      {canTakeOver && (
        <button type="button" data-testid="take-over" onClick={() => void takeOver()}>
          {t('visits.takeOver')}
        </button>
      )}
      <FormError message={failure} />
    </div>
  );
}
