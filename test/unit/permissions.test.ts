import { describe, expect, it } from 'vitest';
import { authorizePatientWrite, authorizeStaffWrite } from '../../shared/staff/authorize-write';
import { can, PERMISSION_MATRIX, PERMISSIONS, ROLES, type Role } from '../../shared/staff/roles';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { patientDocument } from '../helpers/patient-documents';

const VERIFIER = { algorithm: 'pbkdf2-sha256', iterations: 600_000, salt: 'c2FsdA==', hash: 'aGFzaA==' } as const;
const key = (keyId: string) => ({ keyId, publicKey: 'cHVibGlj', createdAt: '2026-11-01T00:00:00.000Z' });
const sealed = (keyId: string, ciphertext = 'c2VhbGVk') =>
  ({
    keyId,
    kdf: { algorithm: 'pbkdf2-sha256', iterations: 600_000, salt: 'c2FsdA==' },
    iv: 'aXY=',
    ciphertext,
  }) as const;

function staff(id: string, roles: Role[]): StaffDocument {
  return {
    id,
    facilityCode: '10010',
    username: `user-${id}`,
    displayName: id,
    roles,
    active: true,
    password: VERIFIER,
    passwordChangedAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: 'province',
    keys: [key(`k-${id}`)],
    sealedKey: sealed(`k-${id}`),
  };
}

describe('the permission matrix', () => {
  it('names only known permissions and gives every role at least one', () => {
    for (const role of ROLES) {
      expect(PERMISSION_MATRIX[role].length).toBeGreaterThan(0);
      for (const permission of PERMISSION_MATRIX[role]) expect(PERMISSIONS).toContain(permission);
    }
  });

  it.each([
    ['registrar', 'patient.register', true],
    ['registrar', 'prescription.write', false],
    ['doctor', 'diagnosis.write', true],
    ['doctor', 'patient.register', false],
    ['nurse', 'encounter.write', true],
    ['nurse', 'prescription.write', false],
    ['lab-technician', 'lab-result.write', true],
    ['lab-technician', 'patient.edit', false],
    ['pharmacist', 'dispense.write', true],
    ['pharmacist', 'order.write', false],
    ['facility-admin', 'staff.manage', true],
    ['facility-admin', 'clinical.read', false],
    ['facility-admin', 'backup.manage', true],
    ['doctor', 'backup.manage', false],
    ['facility-admin', 'export.claims', true],
    ['facility-admin', 'record.export', true],
    ['doctor', 'export.claims', true],
    ['doctor', 'record.export', false],
    ['nurse', 'export.claims', false],
    ['sync-admin', 'device.manage', true],
    ['sync-admin', 'patient.read', false],
  ] as const)('%s → %s: %s', (role, permission, expected) => {
    expect(can([role], permission)).toBe(expected);
  });

  it('adds up the rights of several roles and grants nothing to none', () => {
    expect(can(['nurse', 'registrar'], 'patient.register')).toBe(true);
    expect(can([], 'patient.read')).toBe(false);
  });
});

const accounts =
  (...list: StaffDocument[]) =>
  (id: string) =>
    list.find((account) => account.id === id);

describe('who may write a patient', () => {
  const registrar = staff('r', ['registrar']);
  const doctor = staff('d', ['doctor']);
  const lab = staff('l', ['lab-technician']);
  const inactive = { ...staff('x', ['registrar']), active: false };
  const lookup = accounts(registrar, doctor, lab, inactive);
  const created = { ...patientDocument('10010', { createdBy: 'r', updatedBy: 'r' }), _deleted: false };
  const attempt = (pushed: typeof created, master?: typeof created, assumed?: typeof created) => ({
    master,
    assumed,
    pushed,
    staff: lookup,
    writerFacility: '10010',
  });

  it('lets a registrar register, and refuses a lab technician, an unknown or a deactivated author', () => {
    expect(authorizePatientWrite(attempt(created))).toBeNull();
    expect(authorizePatientWrite(attempt({ ...created, createdBy: 'l', updatedBy: 'l' }))).toBe('not-permitted');
    expect(authorizePatientWrite(attempt({ ...created, createdBy: 'nobody', updatedBy: 'nobody' }))).toBe(
      'author-unknown',
    );
    expect(authorizePatientWrite(attempt({ ...created, createdBy: 'x', updatedBy: 'x' }))).toBe('author-inactive');
  });

  it('accepts a record registered and corrected before its first sync, by two people with those rights', () => {
    expect(authorizePatientWrite(attempt({ ...created, updatedBy: 'd' }))).toBeNull();
    expect(authorizePatientWrite(attempt({ ...created, updatedBy: 'l' }))).toBe('not-permitted');
  });

  it('lets a doctor edit but neither delete nor restore, and refuses a rewritten creator', () => {
    const edited = { ...created, phone: '0912345678', updatedBy: 'd' };
    expect(authorizePatientWrite(attempt(edited, created, created))).toBeNull();
    expect(authorizePatientWrite(attempt({ ...edited, _deleted: true }, created, created))).toBe('not-permitted');
    const deleted = { ...created, _deleted: true };
    expect(authorizePatientWrite(attempt(edited, deleted, deleted))).toBe('not-permitted');
    expect(authorizePatientWrite(attempt({ ...edited, createdBy: 'd' }, created, created))).toBe('author-mismatch');
  });

  it('judges deletion against what the device edited, not what the server has since', () => {
    const deletedMeanwhile = { ...created, _deleted: true };
    const edited = { ...created, phone: '0912345678', updatedBy: 'd' };
    expect(authorizePatientWrite(attempt(edited, deletedMeanwhile, created))).toBeNull();
  });
});

describe('who may write a staff account', () => {
  const admin = staff('a', ['facility-admin']);
  const nurse = staff('n', ['nurse']);
  const syncAdmin = staff('s', ['sync-admin']);
  const lookup = accounts(admin, nurse, syncAdmin);
  const state = (account: StaffDocument) => ({ ...account, _deleted: false });
  const attempt = (pushed: ReturnType<typeof state>, master?: ReturnType<typeof state>) => ({
    master,
    assumed: master,
    pushed,
    staff: lookup,
    writerFacility: '10010',
  });
  const newPassword = { ...VERIFIER, salt: 'bmV3' };

  it('lets staff change their own password and nothing else of their own account', () => {
    // A password change re-seals the same key under the new password.
    const ownPassword = { ...state(nurse), password: newPassword, sealedKey: sealed('k-n', 'bmV3'), updatedBy: 'n' };
    expect(authorizeStaffWrite(attempt(ownPassword, state(nurse)))).toBeNull();
    // Vouching for a key of one's own is not self-service.
    const ownKey = { ...ownPassword, keys: [key('k-n'), key('k-new')], sealedKey: sealed('k-new') };
    expect(authorizeStaffWrite(attempt(ownKey, state(nurse)))).toBe('not-permitted');
    expect(authorizeStaffWrite(attempt({ ...ownPassword, roles: ['nurse', 'doctor'] }, state(nurse)))).toBe(
      'not-permitted',
    );
    const selfPromotion = { ...state(admin), roles: ['facility-admin', 'doctor'] as Role[], updatedBy: 'a' };
    expect(authorizeStaffWrite(attempt(selfPromotion, state(admin)))).toBe('not-permitted');
  });

  it('judges a password change against the account as the user saw it, not as renamed since', () => {
    const renamed = { ...state(nurse), displayName: 'renamed at the province' };
    const ownPassword = { ...state(nurse), password: newPassword, updatedBy: 'n' };
    expect(
      authorizeStaffWrite({
        master: renamed,
        assumed: state(nurse),
        pushed: ownPassword,
        staff: lookup,
        writerFacility: '10010',
      }),
    ).toBeNull();
  });

  it('refuses another account changed by someone without staff.manage', () => {
    const other = state(staff('x', ['doctor']));
    expect(authorizeStaffWrite(attempt({ ...other, password: newPassword, updatedBy: 'n' }, other))).toBe(
      'not-permitted',
    );
  });

  it('lets a facility admin add and deactivate staff, but not touch or create a sync admin, nor delete', () => {
    const added = { ...state(staff('y', ['pharmacist'])), updatedBy: 'a' };
    expect(authorizeStaffWrite(attempt(added))).toBeNull();
    expect(authorizeStaffWrite(attempt({ ...added, active: false }, added))).toBeNull();
    expect(authorizeStaffWrite(attempt({ ...added, roles: ['sync-admin'] }, added))).toBe('not-permitted');
    expect(authorizeStaffWrite(attempt({ ...added, _deleted: true }, added))).toBe('not-permitted');
    const takeover = { ...state(syncAdmin), password: newPassword, updatedBy: 'a' };
    expect(authorizeStaffWrite(attempt(takeover, state(syncAdmin)))).toBe('not-permitted');
  });

  it('lets staff.manage append a key (a password reset), and nobody remove or replace one', () => {
    const nurseState = state(nurse);
    const reset = {
      ...nurseState,
      password: newPassword,
      keys: [key('k-n'), key('k-reset')],
      sealedKey: sealed('k-reset'),
      updatedBy: 'a',
    };
    expect(authorizeStaffWrite(attempt(reset, nurseState))).toBeNull();
    const withTwo = { ...reset };
    expect(authorizeStaffWrite(attempt({ ...withTwo, keys: [key('k-reset')] }, withTwo))).toBe('not-permitted');
    const replaced = { ...withTwo, keys: [key('k-other'), key('k-reset')] };
    expect(authorizeStaffWrite(attempt(replaced, withTwo))).toBe('not-permitted');
    // The server's copy comes back from jsonb with its keys in another order: still the same key.
    const reordered = {
      ...withTwo,
      keys: withTwo.keys.map(({ createdAt, publicKey, keyId }) => ({ createdAt, publicKey, keyId })),
    };
    expect(authorizeStaffWrite(attempt({ ...reordered, active: false }, withTwo))).toBeNull();
  });
});
