import { describe, expect, it } from 'vitest';
import { isSafeToAskForInstall } from './use-install-safety';

describe('when the desktop app may ask to install an update', () => {
  it('never while a visit, stay, admission or registration form is open', () => {
    for (const route of [
      { page: 'visit', id: 'v1' },
      { page: 'stay', id: 's1' },
      { page: 'admit', id: 'v1' },
      { page: 'register' },
      { page: 'edit', id: 'p1' },
    ] as const) {
      expect({ route, safe: isSafeToAskForInstall(route) }).toEqual({ route, safe: false });
    }
  });

  it('on lists and worklists', () => {
    for (const route of [{ page: 'queue' }, { page: 'list' }, { page: 'lab' }, { page: 'sync' }] as const) {
      expect(isSafeToAskForInstall(route)).toBe(true);
    }
  });
});
