import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import { formatDateTime, fullName } from '../app/format';
import { useServices } from '../app/services-context';
import { usePatient } from '../db/hooks';
import { birthDateWithAge } from '../patients/patient-format';
import { labResultEntry, referenceTextOf, type TestReference } from './lab-result-entry';
import type { ResultProblem } from './orders-repository';
import { ResultFlag } from './ResultFlag';
import { useOrderResults, useTestReferences } from './use-orders';

const today = (): string => {
  const now = new Date();
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/**
 * One order's results, entered by the lab: the patient it is for, each test with its unit and
 * the range for this patient, the flag previewed as the value is typed. Enter saves; a bad
 * value is refused with the reason beside it and nothing is saved.
 */
export function ResultEntryForm({ order, onSaved }: { order: OrderDocument; onSaved: (completed: boolean) => void }) {
  const { t } = useTranslation();
  const { orders, patients } = useServices();
  const patient = usePatient(patients, order.patientId);
  const references = useTestReferences(orders, order.id);
  const results = useOrderResults(orders, order.id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Partial<Record<string, ResultProblem>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (): Promise<void> => {
    if (saving) return;
    setSaving(true);
    try {
      const typed = Object.entries(values).map(([code, value]) => ({ code, value }));
      const saved = await orders.enterResults(order.id, typed);
      if (saved.ok) {
        setValues({});
        setProblems({});
        setMessage({ kind: 'success', text: t('orders.saved') });
        onSaved(saved.order.status === 'completed');
      } else if (saved.problem === 'invalid-values') {
        setProblems(Object.fromEntries(saved.values.map(({ code, problem }) => [code, problem])));
        setMessage({ kind: 'error', text: t('orders.problem-invalid-values') });
        document.getElementById(`result-${saved.values[0]?.code ?? ''}`)?.focus();
      } else {
        setMessage({ kind: 'error', text: t(`orders.problem-${saved.problem}`) });
      }
    } catch (error) {
      setMessage({ kind: 'error', text: t('orders.saveFailed', { message: String(error) }) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="result-entry"
      data-testid="result-entry"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {patient && (
        <p className="patient-summary" data-testid="worklist-patient">
          <strong>{fullName(patient)}</strong> — {t(`orders.sex-${patient.sex}`)},{' '}
          {birthDateWithAge(t, patient.dateOfBirth, today())} — {t('orders.patientCode')}{' '}
          {displayPatientCode(patient.patientCode)}
        </p>
      )}
      {patient === null && <p className="form-error">{t('orders.problem-patient-missing')}</p>}
      <p>
        {t('orders.orderedAt')}: {formatDateTime(order.orderedAt)} — {t(`orders.status-${order.status}`)}
      </p>
      {references === undefined ? (
        <p>{t('orders.loading')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('orders.test')}</th>
              <th>{t('orders.value')}</th>
              <th>{t('orders.unit')}</th>
              <th>{t('orders.range')}</th>
              <th>{t('orders.flag')}</th>
            </tr>
          </thead>
          <tbody>
            {references.map((reference, index) => {
              const entered = results.find((observation) => observation.code === reference.code)?.lab;
              return (
                <tr key={reference.code} data-code={reference.code}>
                  <td>
                    <label htmlFor={`result-${reference.code}`}>{reference.name}</label>
                  </td>
                  <td>
                    {entered ? (
                      <span data-testid="entered-value">{entered.value}</span>
                    ) : (
                      <ValueInput
                        reference={reference}
                        autoFocus={
                          index === references.findIndex((candidate) => !results.some((r) => r.code === candidate.code))
                        }
                        value={values[reference.code] ?? ''}
                        problem={problems[reference.code]}
                        onChange={(value) => {
                          setValues({ ...values, [reference.code]: value });
                          setProblems({ ...problems, [reference.code]: undefined });
                        }}
                      />
                    )}
                  </td>
                  <td>{reference.unit}</td>
                  <td>{referenceTextOf(reference)}</td>
                  <td data-testid="flag-preview">
                    {entered ? (
                      <ResultFlag flag={entered.flag} />
                    ) : (
                      <FlagPreview reference={reference} value={values[reference.code] ?? ''} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="actions">
        {order.status === 'ordered' && (
          <button type="button" onClick={() => void orders.start(order.id)} data-testid="start-order">
            {t('orders.start')}
          </button>
        )}
        <button type="submit" disabled={saving} data-testid="save-results">
          {t('orders.save')}
        </button>
      </div>
      {message && (
        <p
          className={message.kind === 'error' ? 'form-error' : 'form-success'}
          role="status"
          data-testid="result-message"
        >
          {message.text}
        </p>
      )}
    </form>
  );
}

function ValueInput(props: {
  reference: TestReference;
  autoFocus: boolean;
  value: string;
  problem: ResultProblem | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = `result-${props.reference.code}`;
  return (
    <>
      <input
        id={id}
        autoFocus={props.autoFocus}
        autoComplete="off"
        inputMode={props.reference.resultType === 'numeric' ? 'decimal' : 'text'}
        maxLength={200}
        value={props.value}
        aria-invalid={props.problem !== undefined}
        aria-describedby={props.problem ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.problem && (
        <span id={`${id}-error`} className="field-error" data-testid={`error-${props.reference.code}`}>
          {t(`orders.problem-${props.problem}`)}
        </span>
      )}
    </>
  );
}

/** The flag the typed value would get, shown before saving. */
function FlagPreview({ reference, value }: { reference: TestReference; value: string }) {
  const entry = labResultEntry(reference, value);
  return entry.ok ? <ResultFlag flag={entry.result.flag} /> : null;
}
