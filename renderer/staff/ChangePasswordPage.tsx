import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyPassword } from '../../shared/staff/password-verifier';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { useServices } from '../app/services-context';

/**
 * A staff member's own password: changed offline, in force on this PC at once, synced later.
 * Their signing key is sealed again under it (the key pair stays).
 */
export function ChangePasswordPage({ user }: { user: StaffDocument }) {
  const { t } = useTranslation();
  const { staff } = useServices();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      if (!(await verifyPassword(current, user.password))) {
        setMessage({ ok: false, text: t('auth.current-password-wrong') });
        return;
      }
      if (next !== confirm) {
        setMessage({ ok: false, text: t('auth.password-mismatch') });
        return;
      }
      const result = await staff.changeOwnPassword(current, next);
      if (!result.ok) {
        setMessage({ ok: false, text: result.problems.map((problem) => t(`auth.${problem}`)).join(' ') });
        return;
      }
      setCurrent('');
      setNext('');
      setConfirm('');
      setMessage({ ok: true, text: t('auth.passwordChanged') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page narrow">
      <h1>{t('auth.changePassword')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('auth.currentPassword')}
          <input
            name="current-password"
            type="password"
            autoComplete="current-password"
            value={current}
            required
            onChange={(event) => setCurrent(event.target.value)}
          />
        </label>
        <label>
          {t('auth.newPassword')}
          <input
            name="new-password"
            type="password"
            autoComplete="new-password"
            value={next}
            required
            onChange={(event) => setNext(event.target.value)}
          />
        </label>
        <label>
          {t('auth.confirmPassword')}
          <input
            name="confirm-password"
            type="password"
            autoComplete="new-password"
            value={confirm}
            required
            onChange={(event) => setConfirm(event.target.value)}
          />
        </label>
        {message && (
          <p className={message.ok ? 'form-success' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('auth.save')}
        </button>
      </form>
    </section>
  );
}
