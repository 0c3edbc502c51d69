import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services-context';
import type { RecordFormat } from './exports-repository';
import { saveFile } from './save-file';
import './exports.css';

type Outcome = { kind: 'idle' } | { kind: 'saved'; fileName: string } | { kind: 'failed'; message: string };

const FORMATS: readonly { format: RecordFormat; label: string; testId: string }[] = [
  { format: 'hosobenhan-xml', label: 'exports.recordXml', testId: 'export-record-xml' },
  { format: 'hosobenhan-json', label: 'exports.recordJson', testId: 'export-record-json' },
  { format: 'fhir', label: 'exports.fhir', testId: 'export-fhir' },
];

/**
 * A patient's whole record as HoSoBenhAn (XML or JSON) or a FHIR R4 Bundle, for those with
 * `record.export`. The export is a read of the whole record: it goes into this PC's audit trail
 * (who, which patient) before the file is saved, so no export leaves without its entry.
 */
export function RecordExportActions({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { exports, audit, session } = useServices();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [working, setWorking] = useState(false);
  if (!session.can('record.export')) return null;

  const exportRecord = async (format: RecordFormat): Promise<void> => {
    const state = session.current;
    if (state.kind !== 'active') return;
    setWorking(true);
    try {
      const file = await exports.recordFile(patientId, format);
      if (!file) {
        setOutcome({ kind: 'failed', message: t('exports.recordNotFound') });
        return;
      }
      // The trail has one action for reading a patient's whole record: opening the chart.
      await audit.record({ action: 'chart-open', userId: state.user.id, username: state.user.username, patientId });
      saveFile(file);
      setOutcome({ kind: 'saved', fileName: file.fileName });
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className="record-export" data-testid="record-export" role="group" aria-label={t('exports.actionsLabel')}>
      <div className="actions">
        {FORMATS.map((item) => (
          <button
            key={item.format}
            type="button"
            data-testid={item.testId}
            disabled={working}
            onClick={() => void exportRecord(item.format)}
          >
            {t(item.label)}
          </button>
        ))}
      </div>
      {outcome.kind === 'saved' && (
        <p className="notice" role="status" data-testid="record-saved">
          {t('exports.recordSaved', { file: outcome.fileName })}
        </p>
      )}
      {outcome.kind === 'failed' && (
        <p className="form-error" role="alert">
          {t('exports.recordFailed', { message: outcome.message })}
        </p>
      )}
    </div>
  );
}
