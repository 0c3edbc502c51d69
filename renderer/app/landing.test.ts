import { describe, expect, it } from 'vitest';
import { can, ROLES, type Permission, type Role } from '../../shared/staff/roles';
import { landingRoute, mayOpen, shownRoute } from './landing';
import { routeFromHash } from './route';
import { shortcutsFor } from './shortcuts';

const as =
  (role: Role) =>
  (permission: Permission): boolean =>
    can([role], permission);

describe('where each role lands', () => {
  it.each(ROLES)('%s lands on a page it may open', (role) => {
    const landing = shownRoute(routeFromHash('#/'), as(role));
    expect(mayOpen(landing, as(role))).toBe(true);
  });

  it('sends the sync admin, who reads no patients, to the sync panel; the others to the patient list', () => {
    expect(landingRoute(as('sync-admin'))).toEqual({ page: 'sync' });
    expect(shownRoute({ page: 'list' }, as('sync-admin'))).toEqual({ page: 'sync' });
    for (const role of ['registrar', 'doctor', 'nurse', 'lab-technician', 'pharmacist', 'facility-admin'] as const)
      expect(landingRoute(as(role))).toEqual({ page: 'list' });
  });

  it('still refuses a page asked for by address that the role may not open', () => {
    expect(shownRoute({ page: 'staff' }, as('doctor'))).toEqual({ page: 'staff' });
    expect(mayOpen({ page: 'staff' }, as('doctor'))).toBe(false);
  });
});

describe('addresses', () => {
  it('shows the home page for an empty address and "not found" for one no page answers to', () => {
    for (const hash of ['', '#', '#/']) expect(routeFromHash(hash)).toEqual({ page: 'list' });
    for (const hash of ['#/orders', '#/khong-co', '#/patients/123', '#/visits/'])
      expect(routeFromHash(hash)).toEqual({ page: 'not-found' });
    expect(routeFromHash('#/lab')).toEqual({ page: 'lab' });
  });
});

describe('header shortcuts', () => {
  const keys = (role: Role): string[] => shortcutsFor(as(role)).map((shortcut) => shortcut.key);

  it('offers F2 (register) only to reception, F3 (search) only to those who read patients', () => {
    expect(keys('registrar')).toEqual(['F2', 'F3', 'Escape']);
    expect(keys('doctor')).toEqual(['F3', 'Escape']);
    expect(keys('sync-admin')).toEqual(['Escape']);
  });
});
