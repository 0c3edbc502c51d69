import { describe, expect, it } from 'vitest';
import { authorizePatientWrite, authorizeStaffWrite } from '../../shared/staff/authorize-write';
import { can, PERMISSION_MATRIX, PERMISSIONS, ROLES, type Role } from '../../shared/staff/roles';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { patientDocument } from '../helpers/patient-documents';

const VERIFIER = { algorithm: 'pbkdf2-sha256', iterations: 600_000, salt: 'c2FsdA==', hash: 'aGFzaA==' } as const;

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

describe('who may write a patient', () => {
  const registrar = staff('r', ['registrar']);
  const doctor = staff('d', ['doctor']);
  const lab = staff('l', ['lab-technician']);
  const created = { ...patientDocument('10010', { createdBy: 'r', updatedBy: 'r' }), _deleted: false };

  it('lets a registrar register, and refuses a lab technician', () => {
    expect(authorizePatientWrite(registrar, undefined, created)).toBeNull();
    const byLab = { ...created, createdBy: 'l', updatedBy: 'l' };
    expect(authorizePatientWrite(lab, undefined, byLab)).toBe('not-permitted');
  });

  it('refuses a new record whose creator is not its author', () => {
    expect(authorizePatientWrite(doctor, undefined, { ...created, updatedBy: 'd' })).toBe('author-mismatch');
  });

  it('lets a doctor edit but not delete, and refuses a rewritten creator', () => {
    const edited = { ...created, phone: '0912345678', updatedBy: 'd' };
    expect(authorizePatientWrite(doctor, created, edited)).toBeNull();
    expect(authorizePatientWrite(doctor, created, { ...edited, _deleted: true })).toBe('not-permitted');
    expect(authorizePatientWrite(doctor, created, { ...edited, createdBy: 'd' })).toBe('author-mismatch');
  });
});

describe('who may write a staff account', () => {
  const admin = staff('a', ['facility-admin']);
  const nurse = staff('n', ['nurse']);
  const nurseState = { ...nurse, _deleted: false };

  it('lets staff change their own password and nothing else', () => {
    const ownPassword = { ...nurseState, password: { ...VERIFIER, salt: 'bmV3' }, updatedBy: 'n' };
    expect(authorizeStaffWrite(nurse, nurseState, ownPassword)).toBeNull();
    expect(authorizeStaffWrite(nurse, nurseState, { ...ownPassword, roles: ['nurse', 'doctor'] })).toBe(
      'not-permitted',
    );
  });

  it('refuses another account changed by someone without staff.manage', () => {
    const other = { ...staff('x', ['doctor']), _deleted: false };
    expect(authorizeStaffWrite(nurse, other, { ...other, password: { ...VERIFIER, salt: 'bmV3' } })).toBe(
      'not-permitted',
    );
  });

  it('lets a facility admin add and deactivate staff, but never grant sync-admin or delete', () => {
    const added = { ...staff('y', ['pharmacist']), _deleted: false };
    expect(authorizeStaffWrite(admin, undefined, added)).toBeNull();
    expect(authorizeStaffWrite(admin, added, { ...added, active: false })).toBeNull();
    expect(authorizeStaffWrite(admin, added, { ...added, roles: ['sync-admin'] })).toBe('not-permitted');
    expect(authorizeStaffWrite(admin, added, { ...added, _deleted: true })).toBe('not-permitted');
  });
});
