import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilityRecord } from '../../shared/admin/admin-api';
import type { Role } from '../../shared/staff/roles';
import type { AdminClient } from '../api/admin-client';
import { DeviceReach } from './DeviceReach';
import { PasswordResetForm } from './PasswordResetForm';
import { RolesForm } from './RolesForm';
import { StaffForm } from './StaffForm';
import { TemporaryPasswordPanel } from './TemporaryPasswordPanel';
import { staffApi, type StaffAccount } from './staff-api';
import { shownTime, staffErrorMessage } from './staff-errors';
import type { StaffFormValues } from './staff-form-values';

type Editing =
  { kind: 'create' } | { kind: 'roles'; account: StaffAccount } | { kind: 'reset'; account: StaffAccount } | null;

/**
 * One facility's accounts: the list, and one form at a time to add an account, change its
 * roles or reset its password; deactivation after a confirmation naming the person. Every
 * change is a synced document the server signs: the page says it reaches the PCs as they sync,
 * and shows which have synced since.
 */
export function StaffAccounts({ client, facility }: { client: AdminClient; facility: FacilityRecord }) {
  const { t, i18n } = useTranslation();
  const [accounts, setAccounts] = useState<StaffAccount[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ account: StaffAccount; password: string } | null>(null);
  const [changedAt, setChangedAt] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    staffApi.list(client, facility.code).then(
      (list) => {
        if (live) setAccounts(list);
      },
      (error: unknown) => {
        if (live) setPageError(staffErrorMessage(t, error));
      },
    );
    return () => {
      live = false;
    };
  }, [client, facility.code, t, version]);

  /** After any change: the list again, what was done, and where it stands on the PCs. */
  const changed = (account: StaffAccount, message: string) => {
    setNotice(message);
    setChangedAt(account.updatedAt);
    setVersion((current) => current + 1);
  };

  const submit = async (action: () => Promise<void>) => {
    setBusy(true);
    setFormError(null);
    try {
      await action();
      setEditing(null);
    } catch (error) {
      setFormError(staffErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  const create = (values: StaffFormValues) =>
    submit(async () => {
      const account = await staffApi.create(client, facility.code, values);
      changed(account, t('staff.created', { username: account.username, name: account.displayName }));
      setShown({ account, password: values.password });
    });
  const saveRoles = (account: StaffAccount, roles: Role[]) =>
    submit(async () => {
      const saved = await staffApi.change(client, account.id, { roles });
      changed(saved, t('staff.rolesSaved', { name: saved.displayName }));
    });
  const reset = (account: StaffAccount, password: string) =>
    submit(async () => {
      const saved = await staffApi.change(client, account.id, { password });
      changed(saved, t('staff.passwordReset', { name: saved.displayName }));
      setShown({ account: saved, password });
    });
  const setActive = async (account: StaffAccount, active: boolean) => {
    const names = { name: account.displayName, username: account.username };
    if (!window.confirm(t(active ? 'staff.confirmReactivate' : 'staff.confirmDeactivate', names))) return;
    setPageError(null);
    setNotice(null);
    try {
      const saved = await staffApi.change(client, account.id, { active });
      changed(saved, t(active ? 'staff.reactivated' : 'staff.deactivated', { name: saved.displayName }));
    } catch (error) {
      setPageError(staffErrorMessage(t, error));
    }
  };
  const open = (next: Editing) => {
    setFormError(null);
    setShown(null);
    setEditing(next);
  };

  return (
    <>
      <div className="page-title">
        {!editing && (
          <button type="button" className="primary" data-testid="add-staff" onClick={() => open({ kind: 'create' })}>
            {t('staff.add')}
          </button>
        )}
      </div>
      {notice && (
        <div className="reach-notice" role="status" data-testid="staff-notice">
          <p className="notice">{notice}</p>
          <p className="hint" data-testid="staff-reach">
            {t('staff.reach')}
          </p>
        </div>
      )}
      {pageError && (
        <p className="form-error" role="alert" data-testid="staff-page-error">
          {pageError}
        </p>
      )}
      {editing?.kind === 'create' && (
        <StaffForm
          facilityName={facility.name}
          serverError={formError}
          busy={busy}
          onSave={(values) => void create(values)}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'roles' && (
        <RolesForm
          account={editing.account}
          serverError={formError}
          busy={busy}
          onSave={(roles) => void saveRoles(editing.account, roles)}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'reset' && (
        <PasswordResetForm
          account={editing.account}
          serverError={formError}
          busy={busy}
          onSave={(password) => void reset(editing.account, password)}
          onCancel={() => setEditing(null)}
        />
      )}
      {shown && <TemporaryPasswordPanel {...shown} onClose={() => setShown(null)} />}
      {accounts === null ? (
        <p className="empty">{t('staff.loading')}</p>
      ) : accounts.length === 0 ? (
        <p className="empty">{t('staff.empty')}</p>
      ) : (
        <table className="list" data-testid="staff-list">
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.username')}</th>
              <th scope="col">{t('staff.roles')}</th>
              <th scope="col">{t('staff.state')}</th>
              <th scope="col">{t('staff.passwordChanged')}</th>
              <th scope="col">{t('staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr
                key={account.id}
                data-testid={`staff-${account.username}`}
                className={account.active ? '' : 'inactive'}
              >
                <td>{account.displayName}</td>
                <td>{account.username}</td>
                <td data-testid="staff-roles">
                  {account.roles.map((role) => t(`staff.roleNames.${role}`)).join(', ')}
                </td>
                <td data-testid="staff-state">{account.active ? t('staff.active') : t('staff.inactive')}</td>
                <td>{shownTime(account.passwordChangedAt, i18n.language)}</td>
                <td className="row-actions">
                  <button type="button" data-testid="edit-roles" onClick={() => open({ kind: 'roles', account })}>
                    {t('staff.editRoles')}
                  </button>
                  <button type="button" data-testid="reset-password" onClick={() => open({ kind: 'reset', account })}>
                    {t('staff.resetPassword')}
                  </button>
                  <button
                    type="button"
                    data-testid={account.active ? 'deactivate-staff' : 'reactivate-staff'}
                    onClick={() => void setActive(account, !account.active)}
                  >
                    {account.active ? t('staff.deactivate') : t('staff.reactivate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DeviceReach client={client} facilityCode={facility.code} changedAt={changedAt} />
    </>
  );
}
