/** Why a new password is refused; the UI shows each code in Vietnamese. */
export type PasswordProblem = 'password-too-short' | 'password-too-long' | 'password-same-as-username';

export const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 128;

export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.normalize('NFC').length < PASSWORD_MIN_LENGTH) problems.push('password-too-short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('password-too-long');
  if (password.trim().toLowerCase() === username.toLowerCase()) problems.push('password-same-as-username');
  return problems;
}
