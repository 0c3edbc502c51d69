import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminIdentity } from '../../shared/admin/admin-api';
import type { AdminClient } from '../api/admin-client';
import { fetchFacilityOverview, type FacilityOverview } from '../devices/fleet-api';
import { fleetErrorMessage } from '../devices/fleet-errors';
import { mayRevoke } from '../devices/fleet-permissions';
import { fleetHash } from '../devices/fleet-route';
import { FleetTable } from '../devices/FleetTable';
import { RevokeDialog } from '../devices/RevokeDialog';
import { useRevoke } from '../devices/use-revoke';
import '../devices/devices.css';

/**
 * One facility at a glance (`#/facilities/<code>`): its staff, what is open there (conflicts,
 * audit alerts, silent and late PCs, each linking to the page that deals with it, filtered to
 * the facility) and its PCs, which can be revoked from here too.
 */
export function FacilityView({ client, admin, code }: { client: AdminClient; admin: AdminIdentity; code: string }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<{
    code: string;
    overview: FacilityOverview | null;
    error: unknown;
  } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    fetchFacilityOverview(client, code).then(
      (overview) => {
        if (live) setAnswer({ code, overview, error: null });
      },
      (failure: unknown) => {
        if (live) setAnswer({ code, overview: null, error: failure ?? 'error' });
      },
    );
    return () => {
      live = false;
    };
  }, [client, code, version]);
  // Another facility's answer is never shown while this one's loads; a reload after a
  // revocation keeps the previous one meanwhile.
  const current = answer?.code === code ? answer : null;
  const overview = current?.overview ?? null;
  const error = current?.error ? fleetErrorMessage(t, current.error) : null;
  const revoke = useRevoke(client, t, () => setVersion((current) => current + 1));

  const back = (
    <a href="#/facilities" className="back">
      {t('facilityView.back')}
    </a>
  );
  if (error)
    return (
      <section className="page facility-view" data-testid="page-facility">
        {back}
        <p className="form-error" role="alert" data-testid="facility-view-error">
          {error}
        </p>
      </section>
    );
  if (!overview)
    return (
      <section className="page facility-view" data-testid="page-facility">
        {back}
        <p className="empty" aria-live="polite">
          {t('facilityView.loading')}
        </p>
      </section>
    );

  const { facility, devices, staff, openProblems } = overview;
  // The other pages read the same `facility=<code>` filter in their hash as the PCs page does.
  const problems = [
    { key: 'conflicts', count: openProblems.unresolvedConflicts, href: `#/conflicts/facility=${code}` },
    { key: 'alerts', count: openProblems.unacknowledgedAuditAlerts, href: `#/audit/facility=${code}` },
    { key: 'silent', count: openProblems.silentDevices, href: fleetHash({ facility: code, state: 'silent' }) },
    { key: 'late', count: openProblems.lateDevices, href: fleetHash({ facility: code, state: 'late' }) },
  ].filter((problem) => problem.count > 0);

  return (
    <section className="page facility-view" data-testid="page-facility">
      {back}
      <div className="page-title">
        <h1>{t('facilityView.title', { code: facility.code, name: facility.name })}</h1>
      </div>
      {revoke.notice && (
        <p className="notice" role="status" data-testid="device-notice">
          {revoke.notice}
        </p>
      )}
      <div className="facility-facts">
        <section className="card" aria-labelledby="facility-staff">
          <h2 id="facility-staff">{t('facilityView.staff')}</h2>
          <p data-testid="facility-staff-count">
            <a href={`#/staff/facility=${code}`}>
              {t('facilityView.staffCount', { active: staff.active, total: staff.total })}
            </a>
          </p>
        </section>
        <section className="card" aria-labelledby="facility-problems">
          <h2 id="facility-problems">{t('facilityView.problems')}</h2>
          {problems.length === 0 ? (
            <p className="notice" data-testid="facility-no-problems">
              {t('facilityView.noProblems')}
            </p>
          ) : (
            <ul className="problems" data-testid="facility-problems">
              {problems.map((problem) => (
                <li key={problem.key} data-testid={`problem-${problem.key}`}>
                  <a href={problem.href}>{t(`facilityView.${problem.key}`, { count: problem.count })}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="page-title">
        <h2>{t('facilityView.devices', { count: devices.length })}</h2>
        <a href={fleetHash({ facility: code })}>{t('facilityView.allDevices')}</a>
      </div>
      {devices.length === 0 ? (
        <p className="empty">{t('facilityView.noDevices')}</p>
      ) : (
        <FleetTable
          devices={devices}
          now={overview.now}
          thresholds={overview.thresholds}
          showFacility={false}
          {...(mayRevoke(admin) ? { onRevoke: revoke.ask } : {})}
        />
      )}
      {revoke.asking && (
        <RevokeDialog
          device={revoke.asking}
          busy={revoke.busy}
          error={revoke.error}
          onConfirm={revoke.confirm}
          onCancel={revoke.cancel}
        />
      )}
    </section>
  );
}
