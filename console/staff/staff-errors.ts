import type { TFunction } from 'i18next';
import { AdminApiError } from '../api/admin-client';
import { errorMessage } from '../app/errors';

/** The staff routes' own refusals. */
const STAFF_CODES = new Set(['username-taken', 'password-rejected', 'not-found']);

/** A refusal of a staff route in the page's language; the console's shared ones otherwise. */
export function staffErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof AdminApiError && STAFF_CODES.has(error.code)) return t(`staff.errors.${error.code}`);
  return errorMessage(t, error);
}

/** A time as the admin reads it: day and hour in the page's language. */
export function shownTime(iso: string, language: string): string {
  const date = new Date(iso);
  const locale = language === 'en' ? 'en-GB' : 'vi-VN';
  const day = date.toLocaleDateString(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
  return `${day} ${time}`;
}
