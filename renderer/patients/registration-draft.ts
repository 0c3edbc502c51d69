import { EMPTY_REGISTRATION_FORM, type RegistrationForm } from '../../shared/patient/registration-form';
import type { SenDatabase } from '../db/collections';
import { readLocalState, removeLocalState, writeLocalState } from '../db/local-state';

const DRAFT_PREFIX = 'registration-draft';

/**
 * The half-filled registration form, saved as the clerk types so that closing the window or
 * a crash loses nothing. Local to the device: a draft is not a record and never syncs. Each
 * user has their own, so that the next person at a shared desk does not see it.
 */
export class RegistrationDrafts {
  constructor(
    private readonly database: SenDatabase,
    private readonly userId: () => string,
  ) {}

  private get id(): string {
    return `${DRAFT_PREFIX}-${this.userId()}`;
  }

  async load(): Promise<RegistrationForm | null> {
    const form = (await readLocalState<{ form: Partial<RegistrationForm> }>(this.database, this.id))?.form;
    // A draft saved before a field existed (the guardian's) gets it empty.
    return form ? { ...EMPTY_REGISTRATION_FORM, ...form } : null;
  }

  save(form: RegistrationForm): Promise<void> {
    return writeLocalState(this.database, this.id, { form });
  }

  clear(): Promise<void> {
    return removeLocalState(this.database, this.id);
  }
}
