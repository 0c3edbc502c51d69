import type { TFunction } from 'i18next';
import { AdminApiError } from '../api/admin-client';
import { errorMessage } from '../app/errors';

const FLEET_CODES = new Set(['not-found']);

/** The console's error words, plus the refusals only the fleet routes give. */
export function fleetErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof AdminApiError && FLEET_CODES.has(error.code)) return t(`devices.errors.${error.code}`);
  return errorMessage(t, error);
}
