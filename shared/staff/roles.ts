/**
 * Who may do what: the one permission matrix. The client hides and refuses what a user's roles
 * do not allow; the server refuses the same writes when they arrive (see authorize-write.ts).
 */
export const ROLES = [
  'registrar',
  'doctor',
  'nurse',
  'lab-technician',
  'pharmacist',
  'facility-admin',
  'sync-admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'patient.read',
  'patient.register',
  'patient.edit',
  'patient.delete',
  'visit.queue',
  'clinical.read',
  'encounter.write',
  'diagnosis.write',
  'order.write',
  'lab-result.write',
  'prescription.write',
  'dispense.write',
  /** Signing a finished visit or a prescription (and amending a signed one) */
  'clinical.sign',
  'inpatient.admit',
  'inpatient.transfer',
  'inpatient.discharge',
  'progress-note.write',
  'referral.write',
  'referral.receive',
  'staff.manage',
  'sync.manage',
  'device.manage',
  'audit.read',
  /** The facility's backups: the recovery code, the folder, backing up now */
  'backup.manage',
  /** Exporting a closed visit's or stay's insurance claim (Decision 130 XML). */
  'export.claims',
  /** Exporting a patient's whole record (HoSoBenhAn), audited. */
  'record.export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CLINICAL_READ = ['patient.read', 'clinical.read'] as const;

export const PERMISSION_MATRIX: Readonly<Record<Role, readonly Permission[]>> = {
  // Reception cancels a mistaken registration (a duplicate) before any care is recorded.
  // Reception also takes in a referred patient (registers them from the referral).
  registrar: ['patient.read', 'patient.register', 'patient.edit', 'patient.delete', 'visit.queue', 'referral.receive'],
  doctor: [
    ...CLINICAL_READ,
    'patient.edit',
    'visit.queue',
    'encounter.write',
    'diagnosis.write',
    'order.write',
    'prescription.write',
    'clinical.sign',
    'inpatient.admit',
    'inpatient.transfer',
    'inpatient.discharge',
    'progress-note.write',
    'referral.write',
    'referral.receive',
    // The doctor who closes a visit or a stay may send its claim at once.
    'export.claims',
  ],
  // The ward nurse moves patients between beds and departments on the doctor's word; admitting,
  // the daily progress note and the discharge are the doctor's.
  nurse: [...CLINICAL_READ, 'visit.queue', 'encounter.write', 'inpatient.transfer'],
  'lab-technician': [...CLINICAL_READ, 'lab-result.write'],
  pharmacist: [...CLINICAL_READ, 'dispense.write'],
  // Runs the facility's accounts and sync; may merge away a duplicate record, not chart care.
  // Also sends the facility's insurance claims and answers record requests (HoSoBenhAn): exports
  // are audited actions of their own, not reading the chart.
  'facility-admin': [
    'patient.read',
    'patient.delete',
    'staff.manage',
    'sync.manage',
    'audit.read',
    'export.claims',
    'record.export',
    'backup.manage',
  ],
  'sync-admin': ['sync.manage', 'device.manage', 'audit.read'],
};

/** Roles only the province grants: a facility admin cannot make someone a sync admin. */
export const PROVINCE_GRANTED_ROLES: readonly Role[] = ['sync-admin'];

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => PERMISSION_MATRIX[role].includes(permission));
}
