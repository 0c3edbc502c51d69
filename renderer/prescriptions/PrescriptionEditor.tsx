import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { FormError } from '../app/FormError';
import { useServices } from '../app/services-context';
import { DrugSearch } from './DrugSearch';
import { lineInputOf, newDraftLine, quantityText, type DraftLine } from './prescription-draft';
import { doseUnitOf, type DrugEntry } from './prescription-lines';
import { unconfirmedWarnings, type PrescriptionWarning } from './prescription-warnings';
import type { PrescribeProblem } from './prescriptions-repository';
import { warningMessage } from './warning-messages';

type LineField = 'dosePerTime' | 'timesPerDay' | 'days' | 'route' | 'instructions';
const LINE_FIELDS: { field: LineField; numeric: boolean }[] = [
  { field: 'dosePerTime', numeric: true },
  { field: 'timesPerDay', numeric: true },
  { field: 'days', numeric: true },
  { field: 'route', numeric: false },
  { field: 'instructions', numeric: false },
];

const fieldId = (line: DraftLine, field: LineField): string => `rx-${line.key}-${field}`;

/**
 * A new prescription for the visit: drugs found in the catalog, each with its dose and the
 * quantity that makes, the warnings to confirm, saved with Ctrl+Enter. Nothing is written until
 * every line is valid and every warning confirmed.
 */
export function PrescriptionEditor({ encounter }: { encounter: EncounterDocument }) {
  const { t, i18n } = useTranslation();
  const { prescriptions } = useServices();
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [warnings, setWarnings] = useState<PrescriptionWarning[]>([]);
  /** The warnings as they were when the doctor ticked the box: a changed warning needs a new tick. */
  const [confirmedWarnings, setConfirmedWarnings] = useState<PrescriptionWarning[]>([]);
  const confirmed = warnings.length > 0 && unconfirmedWarnings(warnings, confirmedWarnings).length === 0;
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const focusNext = useRef<string | null>(null);
  const nextKey = useRef(0);

  // The warnings follow the drugs chosen (not their doses): allergies, repeated ingredients.
  const drugKey = lines.map((line) => line.drug.code).join(',');
  useEffect(() => {
    let current = true;
    const drugs = lines.map(({ drug }) => ({
      code: drug.code,
      name: drug.name,
      activeIngredient: drug.details.ingredient,
    }));
    void prescriptions.warningsFor(encounter, drugs).then((found) => {
      if (!current) return;
      setWarnings(found);
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lines' drugs are what matter
  }, [prescriptions, encounter, drugKey]);

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const addLine = (drug: DrugEntry): void => {
    const line = newDraftLine(drug, String(nextKey.current++));
    focusNext.current = fieldId(line, 'dosePerTime');
    setLines((current) => [...current, line]);
    setSaved(null);
  };
  const changeLine = (key: string, field: LineField, value: string): void => {
    setLines((current) => current.map((line) => (line.key === key ? { ...line, [field]: value } : line)));
  };
  const removeLine = (key: string): void => {
    focusNext.current = 'drug-search';
    setLines((current) => current.filter((line) => line.key !== key));
  };

  const problemText = (problem: PrescribeProblem): string => {
    switch (problem.code) {
      case 'no-line':
        return t('prescriptions.errorNoLine');
      case 'invalid-dose':
        return t('prescriptions.errorInvalidDose');
      case 'unit-mismatch':
        return t('prescriptions.errorUnitMismatch');
      case 'warnings-not-confirmed':
        return t('prescriptions.errorWarnings');
      case 'visit-not-open':
        return t('prescriptions.errorVisitNotOpen');
      case 'controlled-mixed':
        return t('prescriptions.errorControlledMixed');
      default:
        return t('prescriptions.errorInvalid', { field: problem.field });
    }
  };

  const save = async (): Promise<void> => {
    if (saving) return;
    if (warnings.length > 0 && !confirmed) {
      setProblems([t('prescriptions.errorWarnings')]);
      document.getElementById('rx-confirm-warnings')?.focus();
      return;
    }
    setSaving(true);
    try {
      // Kept on the order in the record's language, whatever language the screen is in.
      const vietnamese = i18n.getFixedT('vi');
      const overridden = confirmed
        ? warnings.map((warning) => ({ warning, text: warningMessage(vietnamese, warning) }))
        : [];
      const result = await prescriptions.prescribe(encounter, lines.map(lineInputOf), overridden);
      setFailure(null);
      if (!result.ok) {
        setProblems([...new Set(result.problems.map(problemText))]);
        if (result.warnings) setWarnings(result.warnings);
        return;
      }
      setLines([]);
      setProblems([]);
      setConfirmedWarnings([]);
      setSaved(result.order.prescriptionCode);
      focusNext.current = 'drug-search';
    } catch (error) {
      // The lines stay as typed: the doctor saves again.
      setFailure(t('prescriptions.saveFailed', { message: String(error) }));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.ctrlKey && event.key === 'Enter') {
      event.preventDefault();
      void save();
    }
  };

  return (
    <div className="prescription-editor" onKeyDown={onKeyDown} data-testid="prescription-editor">
      <h3>{t('prescriptions.newPrescription')}</h3>
      <DrugSearch onChoose={addLine} />
      {lines.length === 0 ? (
        <p className="empty">{t('prescriptions.noLines')}</p>
      ) : (
        <table className="prescription-lines" data-testid="prescription-lines">
          <thead>
            <tr>
              <th>{t('prescriptions.drug')}</th>
              <th>{t('prescriptions.dosePerTime')}</th>
              <th>{t('prescriptions.timesPerDay')}</th>
              <th>{t('prescriptions.days')}</th>
              <th>{t('prescriptions.route')}</th>
              <th>{t('prescriptions.instructions')}</th>
              <th>{t('prescriptions.quantity')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const quantity = quantityText(line);
              return (
                <tr key={line.key} data-testid="prescription-line">
                  <td>
                    <strong>{line.drug.name}</strong>
                    <br />
                    <small>
                      {line.drug.details.ingredient} · {line.drug.details.form}
                    </small>
                  </td>
                  {LINE_FIELDS.map(({ field, numeric }) => (
                    <td key={field}>
                      <label className="visually-hidden" htmlFor={fieldId(line, field)}>
                        {`${t(`prescriptions.${field}`)} – ${line.drug.name}`}
                      </label>
                      <input
                        id={fieldId(line, field)}
                        value={line[field]}
                        inputMode={numeric ? 'decimal' : undefined}
                        size={numeric ? 4 : undefined}
                        onFocus={(event) => event.target.select()}
                        onChange={(event) => changeLine(line.key, field, event.target.value)}
                      />
                      {field === 'dosePerTime' && <small> {doseUnitOf(line.drug)}</small>}
                    </td>
                  ))}
                  <td data-testid="line-quantity">
                    {quantity ?? <span className="form-warning">{t('prescriptions.lineInvalid')}</span>}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('prescriptions.removeLine', { name: line.drug.name })}
                      onClick={() => removeLine(line.key)}
                    >
                      {t('prescriptions.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {warnings.length > 0 && (
        <div className="prescription-warnings form-warning" role="alert" data-testid="prescription-warnings">
          <strong>{t('prescriptions.warningsTitle')}</strong>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>{warningMessage(t, warning)}</li>
            ))}
          </ul>
          <label className="checkbox">
            <input
              id="rx-confirm-warnings"
              type="checkbox"
              checked={confirmed}
              onChange={(event) => setConfirmedWarnings(event.target.checked ? warnings : [])}
            />
            {t('prescriptions.confirmWarnings')}
          </label>
        </div>
      )}
      {problems.length > 0 && (
        <ul className="form-error" role="alert" data-testid="prescription-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <FormError message={failure} testId="prescription-save-failed" />
      {saved && (
        <p className="form-success" role="status" data-testid="prescription-saved">
          {t('prescriptions.saved', { code: saved })}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void save()} disabled={saving || lines.length === 0}>
          {t('prescriptions.save')}
        </button>
      </div>
    </div>
  );
}
