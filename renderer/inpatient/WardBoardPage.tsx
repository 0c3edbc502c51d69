import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../app/route';
import { fullName } from '../app/format';
import { useServices } from '../app/services-context';
import { usePatientsById } from '../visits/use-visit';
import { departmentBoard } from './bed-board';
import { useActiveStays, useWards } from './use-inpatient';
import './inpatient.css';

const WARD_KEY = 'sen.ward';

/**
 * A ward's beds: who lies in each and for how many days, the free beds, live through sync. A
 * bed that two PCs gave at once shows both patients and says so; a stay with two moves made at
 * once is flagged. Each occupied bed opens the stay (Tab to it, Enter).
 */
export function WardBoardPage({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { inpatient } = useServices();
  const wards = useWards();
  const stays = useActiveStays();
  const patients = usePatientsById(stays?.map((stay) => stay.patientId) ?? []);
  const [wardCode, setWardCode] = useState(() => localStorage.getItem(WARD_KEY) ?? '');
  const ward = wards?.find((candidate) => candidate.code === wardCode) ?? wards?.[0];

  useEffect(() => {
    if (ward) localStorage.setItem(WARD_KEY, ward.code);
  }, [ward]);

  if (!wards || !stays) return <p className="page">{t('orders.loading')}</p>;
  if (!ward) return <p className="page notice">{t('inpatient.noWards')}</p>;
  const board = departmentBoard(ward.code, ward.details.beds ?? 0, stays, inpatient.today());

  return (
    <section className="page inpatient wards" data-testid="WardBoardPage">
      <h1>{t('inpatient.wardsTitle')}</h1>
      <div className="ward-toolbar">
        <label htmlFor="ward-choice">{t('inpatient.ward')}</label>
        <select id="ward-choice" value={ward.code} onChange={(event) => setWardCode(event.target.value)}>
          {wards.map((candidate) => (
            <option key={candidate.code} value={candidate.code}>
              {candidate.name}
            </option>
          ))}
        </select>
        <span data-testid="beds-summary">
          {t('inpatient.bedsSummary', { occupied: board.occupied, free: board.free })}
        </span>
      </div>
      <ul className="bed-grid" aria-label={ward.name}>
        {board.beds.map((cell) => (
          <li
            key={cell.bed}
            className={`bed-cell${cell.occupants.length === 0 ? ' free' : ''}${cell.clash ? ' clash' : ''}`}
            data-testid={`bed-${cell.bed}`}
            data-occupants={cell.occupants.length}
          >
            <span className="bed-code">{t('inpatient.bedName', { bed: cell.bed })}</span>
            {cell.outsideCatalog && <span className="bed-warning"> · {t('inpatient.outsideCatalog')}</span>}
            {cell.clash && (
              <p className="bed-warning" role="alert" data-testid="bed-clash">
                {t('inpatient.clash')}
              </p>
            )}
            {cell.occupants.length === 0 && <p>{t('inpatient.free')}</p>}
            {cell.occupants.map((occupant) => {
              const patient = patients.get(occupant.patientId);
              return (
                <a
                  key={occupant.stayId}
                  href={`#/stays/${occupant.stayId}`}
                  data-testid="bed-occupant"
                  onClick={(event) => {
                    event.preventDefault();
                    navigate({ page: 'stay', id: occupant.stayId });
                  }}
                >
                  {patient ? fullName(patient) : '…'} · {t('inpatient.days', { count: occupant.days })}
                  {occupant.movedTwiceAtOnce && <span className="bed-warning"> · {t('inpatient.movedTwice')}</span>}
                </a>
              );
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
