import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDisplayDate } from '../../shared/text/dates';
import { usePatientSearch } from '../db/hooks';
import { fullName } from '../app/format';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';

export function PatientListPage({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { patients } = useServices();
  const [text, setText] = useState('');
  const results = usePatientSearch(patients, text);

  return (
    <section className="page">
      <label className="search">
        <span>{t('search.label')}</span>
        <input
          id="patient-search"
          type="search"
          autoFocus
          value={text}
          placeholder={t('search.placeholder')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            const first = results?.[0];
            if (event.key === 'Enter' && first) navigate({ page: 'patient', id: first.id });
          }}
        />
      </label>
      {results && results.length === 0 && <p className="empty">{text ? t('search.none') : t('search.empty')}</p>}
      {results && results.length > 0 && (
        <table className="patients" data-testid="patient-results">
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
          <tbody>
            {results.map((patient) => (
              <tr key={patient.id}>
                <td>
                  <a
                    href={`#/patients/${patient.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate({ page: 'patient', id: patient.id });
                    }}
                  >
                    {patient.patientCode}
                  </a>
                </td>
                <td className="patient-name">{fullName(patient)}</td>
                <td>{formatDisplayDate(patient.dateOfBirth)}</td>
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
