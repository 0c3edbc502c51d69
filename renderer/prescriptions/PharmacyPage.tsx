import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { formatDateTime, fullName } from '../app/format';
import type { Route } from '../app/route';
import { birthDateWithAge } from '../patients/patient-format';
import { DispensePanel } from './DispensePanel';
import { matchingPrescriptions } from './prescription-code-query';
// The visits' hook: it reads the patients again as sync brings them (a prescription may come first).
import { usePatientsById } from '../visits/use-visit';
import { useToDispense } from './use-prescriptions';
import './prescriptions.css';

/**
 * The pharmacy's desk: prescriptions waiting, oldest first, kept current as sync brings new
 * ones; find one by the code on the paper (Enter opens the first match), check the drugs and
 * quantities, mark it dispensed.
 */
export function PharmacyPage(_props: { navigate: (route: Route) => void; id?: string }) {
  const { t } = useTranslation();
  const waiting = useToDispense();
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const patients = usePatientsById((waiting ?? []).map((order) => order.patientId));
  const shown = matchingPrescriptions(waiting ?? [], query);
  const opened = openId === null ? undefined : (waiting ?? []).find((order) => order.id === openId);

  useEffect(() => {
    if (openId === null) search.current?.focus();
  }, [openId]);

  const open = (order: OrderDocument | undefined): void => {
    if (!order) return;
    setNotice(null);
    setOpenId(order.id);
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      // Only a code typed opens a prescription, and only when it names one: Enter on an empty
      // box (twice, with the dispense button focused next) must not hand over the oldest.
      if (query.trim() !== '' && shown.length === 1) open(shown[0]);
    }
  };
  const closePanel = (message: string | null): void => {
    setNotice(message);
    setQuery('');
    setOpenId(null);
  };

  return (
    <section className="page pharmacy" data-testid="PharmacyPage">
      <h1>{t('prescriptions.pharmacyTitle')}</h1>
      {notice && (
        <p className="form-success" role="status" data-testid="pharmacy-notice">
          {notice}
        </p>
      )}
      {openId !== null ? (
        <DispensePanel
          orderId={openId}
          stillWaiting={opened !== undefined}
          patient={opened ? patients.get(opened.patientId) : undefined}
          onDone={closePanel}
        />
      ) : (
        <>
          <div className="field search">
            <label htmlFor="prescription-code">{t('prescriptions.findByCode')}</label>
            <input
              id="prescription-code"
              ref={search}
              value={query}
              autoComplete="off"
              aria-describedby="prescription-code-hint"
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onSearchKey}
            />
            <small id="prescription-code-hint">{t('prescriptions.findByCodeHint')}</small>
          </div>
          {waiting && <p>{t('prescriptions.toDispenseCount', { count: waiting.length })}</p>}
          {waiting && waiting.length === 0 && <p className="empty">{t('prescriptions.nothingToDispense')}</p>}
          {waiting && waiting.length > 0 && shown.length === 0 && (
            <p className="empty">{t('prescriptions.noCodeMatch')}</p>
          )}
          {shown.length > 0 && (
            <table className="prescription-table" data-testid="to-dispense">
              <thead>
                <tr>
                  <th>{t('prescriptions.code')}</th>
                  <th>{t('prescriptions.patient')}</th>
                  <th>{t('prescriptions.orderedAt')}</th>
                  <th>{t('prescriptions.drug')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {shown.map((order) => {
                  const patient = patients.get(order.patientId);
                  return (
                    <tr key={order.id} className={shown.length === 1 && query.trim() !== '' ? 'selected' : ''}>
                      <td>
                        <strong>{order.prescriptionCode}</strong>
                      </td>
                      <td>
                        {patient ? fullName(patient) : '…'}
                        {patient && <small> · {birthDateWithAge(t, patient.dateOfBirth)}</small>}
                      </td>
                      <td>{formatDateTime(order.orderedAt)}</td>
                      <td>{t('prescriptions.drugCount', { count: order.drugs.length })}</td>
                      <td>
                        <button type="button" onClick={() => open(order)}>
                          {t('prescriptions.open')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
