import type { RegistrationForm } from '../../shared/patient/registration-form';
import type { SenDatabase } from './collections';
import { readLocalState, removeLocalState, writeLocalState } from './local-state';

const DRAFT_ID = 'registration-draft';

/**
 * The half-filled registration form, saved as the clerk types so that closing the window or
 * a crash loses nothing. Local to the device: a draft is not a record and never syncs.
 */
export class RegistrationDrafts {
  constructor(private readonly database: SenDatabase) {}

  async load(): Promise<RegistrationForm | null> {
    return (await readLocalState<{ form: RegistrationForm }>(this.database, DRAFT_ID))?.form ?? null;
  }

  save(form: RegistrationForm): Promise<void> {
    return writeLocalState(this.database, DRAFT_ID, { form });
  }

  clear(): Promise<void> {
    return removeLocalState(this.database, DRAFT_ID);
  }
}
