import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { MissingField } from '../../shared/exports/xml130/xml130-completeness';
import { useServices } from '../app/services-context';
import { MissingFields } from './MissingFields';
import { saveFile } from './save-file';
import './exports.css';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'saved'; fileName: string; episodeKey: string }
  | { kind: 'refused'; missing: MissingField[] }
  | { kind: 'failed'; message: string };

/**
 * "Xuất XML BHYT" on a finished visit or a discharged stay, for those who send claims: the
 * Decision 130 file made on this PC, offline, or the list of what to complete (nothing saved).
 */
export function ClaimExportButton({ encounter }: { encounter: EncounterDocument }) {
  const { t } = useTranslation();
  const { exports, session } = useServices();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  if (!session.can('export.claims') || encounter.status !== 'finished') return null;

  const exportClaim = async (): Promise<void> => {
    setOutcome({ kind: 'working' });
    try {
      const claim = await exports.episodeClaim(encounter.id);
      if (!claim.ok) {
        setOutcome({ kind: 'refused', missing: claim.missing });
        return;
      }
      saveFile(claim.file);
      setOutcome({ kind: 'saved', fileName: claim.file.fileName, episodeKey: claim.episodeKey });
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="claim-export" data-testid="claim-export">
      <button
        type="button"
        data-testid="export-claim"
        disabled={outcome.kind === 'working'}
        onClick={() => void exportClaim()}
      >
        {outcome.kind === 'working' ? t('exports.claimWorking') : t('exports.claimButton')}
      </button>
      {outcome.kind === 'saved' && (
        <p className="notice" role="status" data-testid="claim-saved">
          {t('exports.claimSaved', { file: outcome.fileName, key: outcome.episodeKey })}
        </p>
      )}
      {outcome.kind === 'refused' && (
        <div className="form-error" role="alert" data-testid="claim-refused">
          <p>{t('exports.claimRefused')}</p>
          <MissingFields
            missing={outcome.missing}
            episode={{ patientId: encounter.patientId, encounterId: encounter.id, kind: encounter.kind }}
          />
        </div>
      )}
      {outcome.kind === 'failed' && (
        <p className="form-error" role="alert">
          {t('exports.claimFailed', { message: outcome.message })}
        </p>
      )}
    </div>
  );
}
