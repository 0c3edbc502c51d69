import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/staff/roles';
import { RoleCheckboxes } from './RoleCheckboxes';
import type { StaffAccount } from './staff-api';

/** Changes one account's roles: at least one; Enter saves, Escape cancels. */
export function RolesForm({
  account,
  serverError,
  busy,
  onSave,
  onCancel,
}: {
  account: StaffAccount;
  serverError: string | null;
  busy: boolean;
  onSave: (roles: Role[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="staff-form card"
      aria-labelledby="roles-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        setMissing(roles.length === 0);
        if (roles.length > 0) onSave(roles);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id="roles-form-title">{t('staff.rolesTitle', { name: account.displayName })}</h2>
      <RoleCheckboxes
        idPrefix="roles"
        value={roles}
        onChange={setRoles}
        errorId={missing ? 'roles-error' : undefined}
        autoFocus
      />
      {missing && (
        <span className="field-error" id="roles-error">
          {t('staff.errors.rolesRequired')}
        </span>
      )}
      {serverError && (
        <p className="form-error" role="alert">
          {serverError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="roles-save">
          {t('staff.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('staff.cancel')}
        </button>
      </div>
    </form>
  );
}
