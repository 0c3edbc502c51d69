import { passwordProblems, type PasswordProblem } from '../../shared/staff/password-policy';
import type { Role } from '../../shared/staff/roles';
import { USERNAME_PATTERN } from '../../shared/staff/staff-document';

export interface StaffFormValues {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

/** A message key of `staff.errors` per field that is not valid. */
export type StaffFormErrors = Partial<Record<keyof StaffFormValues, string>>;

export const EMPTY_STAFF: StaffFormValues = { username: '', displayName: '', roles: [], password: '' };

/** The first password problem of `password` for `username`, as the server checks it, or null. */
export function passwordError(password: string, username: string): PasswordProblem | null {
  return passwordProblems(password, username)[0] ?? null;
}

/** The same checks the server makes, so that a refusal is rare and said beside its field. */
export function staffFormErrors(values: StaffFormValues): StaffFormErrors {
  const errors: StaffFormErrors = {};
  if (!USERNAME_PATTERN.test(values.username)) errors.username = 'usernameFormat';
  if (values.displayName.trim() === '') errors.displayName = 'nameRequired';
  if (values.roles.length === 0) errors.roles = 'rolesRequired';
  const password = passwordError(values.password, values.username);
  if (password) errors.password = password;
  return errors;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A temporary password of three groups of four (`k7pm-x2qa-9dfh`): 60 bits from the browser's
 * cryptographic generator, easy to read over the phone.
 */
export function generatedPassword(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const characters: string[] = [];
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % ALPHABET.length);
  while (characters.length < 12) {
    for (const byte of random(new Uint8Array(16))) {
      if (byte < limit && characters.length < 12) characters.push(ALPHABET[byte % ALPHABET.length] ?? 'a');
    }
  }
  return [characters.slice(0, 4), characters.slice(4, 8), characters.slice(8)].map((group) => group.join('')).join('-');
}
