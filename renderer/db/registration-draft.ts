import type { RegistrationForm } from '../../shared/patient/registration-form';
import type { SenDatabase } from './collections';

const DRAFT_ID = 'registration-draft';

/**
 * The half-filled registration form, saved as the clerk types so that closing the window or
 * a crash loses nothing. Local to the device: a draft is not a record.
 */
export async function loadRegistrationDraft(database: SenDatabase): Promise<RegistrationForm | null> {
  const document = await database.getLocal<{ form: RegistrationForm }>(DRAFT_ID);
  return document?.get('form') ?? null;
}

export async function saveRegistrationDraft(database: SenDatabase, form: RegistrationForm): Promise<void> {
  await database.upsertLocal(DRAFT_ID, { form });
}

export async function clearRegistrationDraft(database: SenDatabase): Promise<void> {
  const document = await database.getLocal(DRAFT_ID);
  await document?.remove();
}
