import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilityRecord } from '../../shared/admin/admin-api';
import type { AdminClient } from '../api/admin-client';
import { errorMessage } from '../app/errors';
import { StaffAccounts } from './StaffAccounts';
import { facilityInPath } from '../app/facility-in-path';
import './staff.css';

/**
 * The Nhân viên page: a facility picked from the province's list (or named by the address,
 * `#/staff/<code>`), then its accounts.
 */
export function StaffPage({ client, path }: { client: AdminClient; path: readonly string[] }) {
  const { t } = useTranslation();
  const [facilities, setFacilities] = useState<FacilityRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selected = facilityInPath(path);

  useEffect(() => {
    let live = true;
    client.facilities().then(
      (list) => {
        if (live) setFacilities(list);
      },
      (failure: unknown) => {
        if (live) setError(errorMessage(t, failure));
      },
    );
    return () => {
      live = false;
    };
  }, [client, t]);

  const facility = facilities?.find((each) => each.code === selected) ?? null;
  return (
    <section className="page staff" data-testid="page-staff">
      <div className="page-title">
        <h1>{t('staff.title')}</h1>
        <label htmlFor="staff-facility">{t('staff.facility')}</label>
        <select
          id="staff-facility"
          className="facility-picker"
          value={selected}
          autoFocus={selected === ''}
          // The address names the facility, so that a link or a reload opens the same one.
          onChange={(event) => {
            window.location.hash = event.target.value ? `#/staff/${event.target.value}` : '#/staff';
          }}
        >
          <option value="">{t('staff.chooseFacility')}</option>
          {(facilities ?? []).map((each) => (
            <option key={each.code} value={each.code}>
              {each.code} — {each.name}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {facility ? (
        <StaffAccounts key={facility.code} client={client} facility={facility} />
      ) : (
        facilities !== null && <p className="empty">{t('staff.pickFacility')}</p>
      )}
    </section>
  );
}
