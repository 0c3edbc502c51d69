import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVINCE_GRANTED_ROLES, ROLES, type Role } from '../../shared/staff/roles';
import type { StaffDocument } from '../../shared/staff/staff-document';
import type { StaffResult } from './staff-repository';
import { useObservable } from '../db/hooks';
import { useServices } from '../app/services-context';

const FACILITY_ROLES = ROLES.filter((role) => !PROVINCE_GRANTED_ROLES.includes(role));

/** The facility admin's accounts: add, deactivate or reactivate, reset a forgotten password. */
export function StaffPage({ user }: { user: StaffDocument }) {
  const { t } = useTranslation();
  const { staff } = useServices();
  const [list$] = useState(() => staff.list$());
  const accounts = useObservable<StaffDocument[]>(list$, []);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [newPassword, setNewPassword] = useState('');

  const report = (result: StaffResult, success: string): boolean => {
    if (result.ok) setMessage({ ok: true, text: success });
    else
      setMessage({
        ok: false,
        text: result.problems
          .map((problem) => t(problem.startsWith('password') ? `auth.${problem}` : `staff.${problem}`))
          .join(' '),
      });
    return result.ok;
  };

  return (
    <section className="page">
      <h1>{t('staff.title')}</h1>
      {message && (
        <p className={message.ok ? 'form-success' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <table className="patients" data-testid="staff-list">
        <thead>
          <tr>
            <th>{t('staff.username')}</th>
            <th>{t('staff.displayName')}</th>
            <th>{t('staff.roles')}</th>
            <th>{t('staff.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-username={account.username}>
              <td>{account.username}</td>
              <td>{account.displayName}</td>
              <td>{account.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
              <td>{account.active ? t('staff.active') : t('staff.inactive')}</td>
              <td className="row-actions">
                {/* Not one's own account (the password page is for that), nor the province's. */}
                {account.id !== user.id && !account.roles.some((role) => PROVINCE_GRANTED_ROLES.includes(role)) && (
                  <>
                    <button
                      type="button"
                      onClick={() =>
                        void staff
                          .update(account.id, { active: !account.active })
                          .then((result) => report(result, t('staff.saved')))
                      }
                    >
                      {account.active ? t('staff.deactivate') : t('staff.activate')}
                    </button>
                    {resetting === account.id ? (
                      <form
                        className="inline-form"
                        onSubmit={(event) => {
                          event.preventDefault();
                          void staff.resetPassword(account.id, newPassword).then((result) => {
                            if (report(result, t('staff.saved'))) setResetting(null);
                          });
                        }}
                      >
                        <input
                          type="password"
                          aria-label={t('auth.newPassword')}
                          autoComplete="new-password"
                          value={newPassword}
                          onChange={(event) => setNewPassword(event.target.value)}
                          required
                          autoFocus
                        />
                        <button type="submit">{t('auth.save')}</button>
                      </form>
                    ) : (
                      <button
                        type="button"
                        onClick={() => {
                          setNewPassword('');
                          setResetting(account.id);
                        }}
                      >
                        {t('staff.resetPassword')}
                      </button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddStaffForm report={report} />
    </section>
  );
}

function AddStaffForm({ report }: { report: (result: StaffResult, success: string) => boolean }) {
  const { t } = useTranslation();
  const { staff } = useServices();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);

  const toggle = (role: Role): void =>
    setRoles((current) => (current.includes(role) ? current.filter((chosen) => chosen !== role) : [...current, role]));

  return (
    <form
      className="add-staff"
      onSubmit={(event) => {
        event.preventDefault();
        void staff.create({ username, displayName, roles, password }).then((result) => {
          if (report(result, t('staff.added', { name: displayName }))) {
            setUsername('');
            setDisplayName('');
            setPassword('');
            setRoles([]);
          }
        });
      }}
    >
      <h2>{t('staff.addTitle')}</h2>
      <label>
        {t('staff.username')}
        <input name="new-username" value={username} required onChange={(event) => setUsername(event.target.value)} />
      </label>
      <label>
        {t('staff.displayName')}
        <input
          name="new-display-name"
          value={displayName}
          required
          onChange={(event) => setDisplayName(event.target.value)}
        />
      </label>
      <label>
        {t('staff.initialPassword')}
        <input
          name="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          required
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <fieldset>
        <legend>{t('staff.roles')}</legend>
        {FACILITY_ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} value={role} />
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary">
        {t('staff.add')}
      </button>
    </form>
  );
}
