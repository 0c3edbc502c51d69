import { SyncNetworkError, SyncRequestError } from '../sync/sync-http';

/** A failed enrollment as the installer reads it: an i18n key under `enroll.` and its values. */
export interface EnrollmentProblem {
  key: string;
  values?: Record<string, string>;
}

const EXPLAINED_CODES = new Set([
  'insecure-server',
  'server-url-invalid',
  'enrollment-code-invalid',
  'facility-inactive',
  'device-revoked',
  'enrollment-request-reused',
]);

/** The same words whether the installer typed the code or the installer's config.json carried it. */
export function enrollmentProblem(failure: unknown): EnrollmentProblem {
  if (failure instanceof SyncRequestError && EXPLAINED_CODES.has(failure.code))
    return { key: `enroll.${failure.code}` };
  if (failure instanceof SyncNetworkError || failure instanceof TypeError) return { key: 'enroll.network' };
  return { key: 'enroll.failed', values: { message: failure instanceof Error ? failure.message : String(failure) } };
}
