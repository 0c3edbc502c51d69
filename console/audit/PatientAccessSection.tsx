import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminClient } from '../api/admin-client';
import { formatTime } from '../conflicts/format-time';
import { Pager } from '../conflicts/Pager';
import { useKeysetPages } from '../conflicts/use-keyset-pages';
import { patientAccess } from './audit-api';
import { ListState } from './ListState';

/**
 * Who opened or changed one patient's record, when and from which PC: the admin types the
 * patient code; the code goes into the hash (`#/audit/patient/<code>`), which asks the server.
 */
export function PatientAccessSection({ client, code }: { client: AdminClient; code: string }) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState(code);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const wanted = typed.trim();
    if (wanted === '') {
      setError(t('audit.patient.codeRequired'));
      return;
    }
    setError(null);
    window.location.hash = `#/audit/patient/${encodeURIComponent(wanted)}`;
  };
  return (
    <div className="audit-section" data-testid="audit-patient">
      <p className="hint">{t('audit.patient.intro')}</p>
      <form className="inline-form" noValidate onSubmit={submit}>
        <label htmlFor="audit-patient-code">{t('audit.patient.code')}</label>
        <input
          id="audit-patient-code"
          autoFocus
          maxLength={40}
          value={typed}
          aria-invalid={error !== null}
          aria-describedby={error ? 'audit-patient-code-error' : undefined}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="primary" data-testid="audit-patient-show">
          {t('audit.patient.show')}
        </button>
        {error && (
          <span className="field-error" id="audit-patient-code-error" role="alert">
            {error}
          </span>
        )}
      </form>
      {code !== '' && <PatientTrail key={code} client={client} code={code} language={i18n.language} />}
    </div>
  );
}

function PatientTrail({ client, code, language }: { client: AdminClient; code: string; language: string }) {
  const { t } = useTranslation();
  const pages = useKeysetPages(code, (cursor) => patientAccess(client, code, cursor));
  return (
    <>
      <div className="section-tools">
        <h2>{t('audit.patient.heading', { code })}</h2>
        <Pager pages={pages} testId="patient-access-pager" />
      </div>
      <ListState pages={pages} empty={t('audit.patient.empty', { code })} testId="patient-access">
        {(entries) => (
          <table className="list" data-testid="patient-access-list">
            <thead>
              <tr>
                <th scope="col">{t('audit.patient.clientTime')}</th>
                <th scope="col">{t('audit.patient.who')}</th>
                <th scope="col">{t('audit.patient.action')}</th>
                <th scope="col">{t('audit.device')}</th>
                <th scope="col">{t('audit.facility')}</th>
                <th scope="col">{t('audit.patient.receivedAt')}</th>
                <th scope="col">{t('audit.patient.chain')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.receivedAt}-${entry.deviceName}-${String(index)}`} data-testid="patient-access-row">
                  <td>{formatTime(entry.at, language)}</td>
                  <td>
                    {entry.displayName ?? entry.username}
                    <span className="when">{entry.username}</span>
                  </td>
                  <td>{t(`audit.patient.actions.${entry.action}`, { defaultValue: entry.action })}</td>
                  <td>{entry.deviceName}</td>
                  <td>{entry.facilityCode}</td>
                  <td>{formatTime(entry.receivedAt, language)}</td>
                  <td className={entry.chainOk ? '' : 'form-error'}>
                    {entry.chainOk ? t('audit.patient.chainOk') : t('audit.patient.chainBroken')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    </>
  );
}
