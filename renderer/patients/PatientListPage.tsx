import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import { usePatientSearch } from '../db/hooks';
import { fullName } from '../app/format';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import { birthDateWithAge } from './patient-format';
import './patients.css';

export function PatientListPage({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { patients } = useServices();
  const [text, setText] = useState('');
  const results = usePatientSearch(patients, text);
  const searchRef = useRef<HTMLInputElement>(null);
  const rowsRef = useRef<HTMLTableSectionElement>(null);

  const openPatient = (id: string): void => navigate({ page: 'patient', id });
  const focusRow = (index: number): void => rowsRef.current?.querySelectorAll<HTMLElement>('tr')[index]?.focus();
  // A row is one stop of the keyboard: Enter opens it, the arrows move between rows (Up from the
  // first goes back to the search box), as in the queue.
  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string): void => {
    if (event.key === 'Enter') openPatient(id);
    else if (event.key === 'ArrowDown') focusRow(Math.min(index + 1, (results?.length ?? 1) - 1));
    else if (event.key === 'ArrowUp') {
      if (index === 0) searchRef.current?.focus();
      else focusRow(index - 1);
    } else return;
    event.preventDefault();
  };

  return (
    <section className="page">
      <label className="search">
        <span>{t('search.label')}</span>
        <input
          ref={searchRef}
          id="patient-search"
          type="search"
          autoFocus
          value={text}
          placeholder={t('search.placeholder')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            const first = results?.[0];
            if (event.key === 'Enter' && first) openPatient(first.id);
            else if (event.key === 'ArrowDown' && first) {
              event.preventDefault();
              focusRow(0);
            }
          }}
        />
      </label>
      {results && results.length === 0 && <p className="empty">{text ? t('search.none') : t('search.empty')}</p>}
      {results && results.length > 0 && (
        <table className="patients patient-rows" data-testid="patient-results">
          <thead>
            <tr>
              <th>{t('patient.code')}</th>
              <th>{t('patient.fullName')}</th>
              <th>{t('patient.dateOfBirth')}</th>
              <th>{t('patient.sex')}</th>
              <th>{t('patient.cccd')}</th>
              <th>{t('patient.bhyt')}</th>
              <th>{t('patient.phone')}</th>
            </tr>
          </thead>
          <tbody ref={rowsRef}>
            {results.map((patient, index) => (
              <tr
                key={patient.id}
                tabIndex={0}
                data-testid="patient-row"
                onClick={() => openPatient(patient.id)}
                onKeyDown={(event) => onRowKeyDown(event, index, patient.id)}
              >
                <td className="patient-code">
                  <a
                    href={`#/patients/${patient.id}`}
                    tabIndex={-1}
                    onClick={(event) => {
                      event.preventDefault();
                      event.stopPropagation();
                      openPatient(patient.id);
                    }}
                  >
                    {displayPatientCode(patient.patientCode)}
                  </a>
                </td>
                <td className="patient-name">{fullName(patient)}</td>
                <td>{birthDateWithAge(t, patient.dateOfBirth)}</td>
                <td>{t(`patient.${patient.sex}`)}</td>
                <td>{patient.cccd}</td>
                <td>{patient.bhyt}</td>
                <td>{patient.phone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
