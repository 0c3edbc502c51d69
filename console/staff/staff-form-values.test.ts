import { describe, expect, it } from 'vitest';
import { EMPTY_STAFF, generatedPassword, staffFormErrors } from './staff-form-values';

describe('the staff account form', () => {
  it('says what each field needs, as the server would refuse it', () => {
    expect(staffFormErrors(EMPTY_STAFF)).toEqual({
      username: 'usernameFormat',
      displayName: 'nameRequired',
      roles: 'rolesRequired',
      password: 'password-too-short',
    });
    expect(
      staffFormErrors({ username: 'Bác sĩ', displayName: 'Lý Văn Hùng', roles: ['doctor'], password: 'bacsihung' }),
    ).toEqual({ username: 'usernameFormat' });
    expect(
      staffFormErrors({ username: 'bacsihung', displayName: 'Lý Văn Hùng', roles: ['doctor'], password: 'BACSIHUNG' }),
    ).toEqual({ password: 'password-same-as-username' });
    expect(
      staffFormErrors({ username: 'bacsihung', displayName: 'Lý Văn Hùng', roles: ['doctor'], password: 'k7pm-x2qa' }),
    ).toEqual({});
  });

  it('generates a readable temporary password the server accepts, every character equally likely', () => {
    const password = generatedPassword();
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(password).not.toMatch(/[01ilo]/);
    expect(staffFormErrors({ username: 'abc', displayName: 'A', roles: ['nurse'], password })).toEqual({});
    // Bytes past the last whole round of the alphabet (31 × 8 = 248) are skipped, not folded.
    let call = 0;
    const rigged = (bytes: Uint8Array) => {
      bytes.fill(call++ === 0 ? 255 : 0);
      return bytes;
    };
    expect(generatedPassword(rigged)).toBe('aaaa-aaaa-aaaa');
  });
});
