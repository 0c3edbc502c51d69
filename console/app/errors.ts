import type { TFunction } from 'i18next';
import { AdminApiError } from '../api/admin-client';

const KNOWN = new Set([
  'network',
  'facility-exists',
  'facility-inactive',
  'province-unknown',
  'ward-not-in-province',
  'forbidden',
  'bootstrap-token-limited',
  'invalid-request',
  'already-resolved',
  'restore-invalid',
  'not-found',
]);

/** A refusal in Vietnamese (or English): known codes by name, the rest with the server's words. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof AdminApiError && KNOWN.has(error.code)) return t(`errors.${error.code}`);
  return t('errors.unknown', { message: error instanceof Error ? error.message : String(error) });
}
