import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { StayLocation } from '../../shared/clinical/stay-location';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';
import { BedChoice } from './BedChoice';
import { inpatientProblem, placeText } from './inpatient-format';
import type { ActiveStay, DepartmentEntry } from './inpatient-repository';

/**
 * The stay's moves in order (admission first), and, for those who may move patients while the
 * stay is open, the form to move to another free bed of any ward.
 */
export function TransferSection({
  stay,
  location,
  wards,
  stays,
  editable,
}: {
  stay: EncounterDocument;
  location: StayLocation;
  wards: DepartmentEntry[];
  stays: ActiveStay[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { inpatient } = useServices();
  const [departmentCode, setDepartmentCode] = useState(location.current.departmentCode);
  const [bed, setBed] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<ClinicalProblem[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const move = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setDone(false);
    try {
      const result = await inpatient.transfer(stay.id, { departmentCode, bed, reason });
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      setProblems([]);
      setBed('');
      setReason('');
      setDone(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="visit-section transfers" data-testid="transfers" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('inpatient.transferTitle')}</h2>
      <ol data-testid="moves">
        {stay.stay && (
          <li>
            {t('inpatient.admissionLine', {
              time: formatDateTime(stay.stay.admittedAt),
              to: placeText(t, wards, stay.stay.location),
            })}
          </li>
        )}
        {location.moves.map((record) => (
          <li key={record.id} data-testid="move">
            {t('inpatient.moveLine', {
              time: formatDateTime(record.transfer.movedAt),
              from: placeText(t, wards, record.transfer.from),
              to: placeText(t, wards, record.transfer.to),
            })}
          </li>
        ))}
      </ol>
      {editable && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void move();
          }}
        >
          <BedChoice
            idPrefix="transfer"
            wards={wards}
            stays={stays}
            today={inpatient.today()}
            departmentCode={departmentCode}
            bed={bed}
            onChange={(ward, chosenBed) => {
              setDepartmentCode(ward);
              setBed(chosenBed);
            }}
          />
          <div className="field">
            <label htmlFor="transfer-reason">{t('inpatient.transferReason')}</label>
            <input id="transfer-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          {problems.length > 0 && (
            <ul className="form-error" role="alert" data-testid="transfer-problems">
              {problems.map((problem) => (
                <li key={`${problem.field}-${problem.code}`}>{inpatientProblem(t, problem)}</li>
              ))}
            </ul>
          )}
          {done && (
            <p className="notice" role="status">
              {t('inpatient.transferred')}
            </p>
          )}
          <div className="actions">
            <button type="submit" data-testid="transfer" disabled={busy}>
              {t('inpatient.transfer')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
