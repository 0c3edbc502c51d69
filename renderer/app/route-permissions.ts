import type { Permission } from '../../shared/staff/roles';
import type { Route } from './route';

/** What each page needs; pages not listed are open to every logged-in user. */
export const ROUTE_PERMISSIONS: Partial<Record<Route['page'], Permission>> = {
  list: 'patient.read',
  patient: 'patient.read',
  register: 'patient.register',
  edit: 'patient.edit',
  staff: 'staff.manage',
  backup: 'backup.manage',
  chart: 'clinical.read',
  queue: 'clinical.read',
  visit: 'clinical.read',
  lab: 'lab-result.write',
  pharmacy: 'dispense.write',
  wards: 'clinical.read',
  stay: 'clinical.read',
  admit: 'inpatient.admit',
  // Reception takes referred patients in; doctors send and receive.
  referrals: 'referral.receive',
  exports: 'export.claims',
};
