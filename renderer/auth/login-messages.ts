import i18next from 'i18next';
import type { LoginFailure } from './session';

/** The sentence a failed login or unlock shows, in the UI language. */
export function loginFailureMessage(failure: LoginFailure): string {
  switch (failure.reason) {
    case 'wrong-credentials':
      return i18next.t('auth.wrong-credentials', { count: failure.attemptsLeft });
    case 'locked-out':
      return i18next.t('auth.locked-out', { minutes: Math.max(1, Math.ceil(failure.retryInMs / 60_000)) });
    case 'inactive':
      return i18next.t('auth.inactive');
  }
}
