import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { formatDateTime, fullName } from '../app/format';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import { usePatient } from '../db/hooks';
import { birthDateWithAge } from '../patients/patient-format';
import { LabResultPrint } from '../printing/LabResultPrint';
import { ResultEntryForm } from './ResultEntryForm';
import { useWorklist } from './use-orders';
import './orders.css';

/**
 * The lab's worklist (#/lab): the facility's open lab orders, oldest first, live as orders
 * arrive by sync. Pick one by keyboard, enter its results; a completed order leaves the list.
 */
export function LabWorklistPage(_props: { navigate: (route: Route) => void; id?: string }) {
  const { t } = useTranslation();
  const { orders } = useServices();
  const worklist = useWorklist(orders, 'lab');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The order just completed, for its result sheet: it has left the worklist.
  const [completed, setCompleted] = useState<OrderDocument | null>(null);
  const [printing, setPrinting] = useState(false);
  const selected = worklist?.find((order) => order.id === selectedId) ?? null;

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? Math.min(current + 1, buttons.length - 1) : Math.max(current - 1, 0);
    buttons[next]?.focus();
  };

  return (
    <section className="page" data-testid="LabWorklistPage">
      <h1>{t('orders.worklistTitle')}</h1>
      <p className="hint">{t('orders.worklistHint')}</p>
      {notice && (
        <p className="form-success" role="status" data-testid="worklist-notice">
          {notice}
        </p>
      )}
      {notice && completed && (
        <button type="button" data-testid="print-lab-results" onClick={() => setPrinting(true)}>
          {t('printing.printLabResults')}
        </button>
      )}
      {printing && completed && <LabResultPrint order={completed} onClose={() => setPrinting(false)} />}
      <div className="lab-worklist">
        <div>
          {worklist === undefined && <p>{t('orders.loading')}</p>}
          {worklist?.length === 0 && <p className="empty">{t('orders.worklistEmpty')}</p>}
          {worklist && worklist.length > 0 && (
            <ul
              className="worklist-orders"
              aria-label={t('orders.worklistLabel')}
              onKeyDown={moveFocus}
              data-testid="worklist"
            >
              {worklist.map((order, index) => (
                <li key={order.id}>
                  <WorklistEntry
                    order={order}
                    autoFocus={index === 0 && selectedId === null}
                    selected={order.id === selectedId}
                    onSelect={() => {
                      setSelectedId(order.id);
                      setNotice(null);
                      setCompleted(null);
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          {selected ? (
            <ResultEntryForm
              key={selected.id}
              order={selected}
              onSaved={(completed) => {
                if (!completed) return;
                setCompleted(selected);
                setSelectedId(null);
                setNotice(t('orders.completed'));
              }}
            />
          ) : (
            <p className="empty">{t('orders.chooseOrder')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function WorklistEntry(props: { order: OrderDocument; autoFocus: boolean; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  const { patients } = useServices();
  const patient = usePatient(patients, props.order.patientId);
  return (
    <button
      type="button"
      autoFocus={props.autoFocus}
      aria-pressed={props.selected}
      data-testid="worklist-order"
      onClick={props.onSelect}
    >
      <strong>{patient ? fullName(patient) : '…'}</strong>
      {patient && ` (${birthDateWithAge(t, patient.dateOfBirth)})`} — {formatDateTime(props.order.orderedAt)} —{' '}
      {t(`orders.status-${props.order.status}`)}
      <br />
      <small>{props.order.tests.map((test) => test.name).join(', ')}</small>
    </button>
  );
}
