import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../shared/staff/roles';

/** The roles of the permission matrix as checkboxes in a labelled group (Space ticks one). */
export function RoleCheckboxes({
  idPrefix,
  value,
  onChange,
  errorId,
  autoFocus = false,
}: {
  idPrefix: string;
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  /** The id of the message saying the choice is not valid, when there is one. */
  errorId?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="role-choices" aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
      <legend>{t('staff.roles')}</legend>
      {ROLES.map((role, index) => (
        <label key={role} htmlFor={`${idPrefix}-${role}`}>
          <input
            type="checkbox"
            id={`${idPrefix}-${role}`}
            checked={value.includes(role)}
            autoFocus={autoFocus && index === 0}
            onChange={(event) =>
              // Kept in the matrix's order, whatever order they were ticked in.
              onChange(ROLES.filter((each) => (each === role ? event.target.checked : value.includes(each))))
            }
          />
          {t(`staff.roleNames.${role}`)}
        </label>
      ))}
    </fieldset>
  );
}
