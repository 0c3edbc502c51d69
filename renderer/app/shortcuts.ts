import type { Permission } from '../../shared/staff/roles';

/** A key the whole app answers to, shown in the header only to those who may use it. */
export interface Shortcut {
  key: 'F2' | 'F3' | 'Escape';
  /** What the header shows for the key. */
  label: string;
  /** The i18n key of what it does. */
  action: string;
  needs?: Permission;
}

const SHORTCUTS: readonly Shortcut[] = [
  { key: 'F2', label: 'F2', action: 'nav.shortcutRegister', needs: 'patient.register' },
  { key: 'F3', label: 'F3', action: 'nav.shortcutSearch', needs: 'patient.read' },
  { key: 'Escape', label: 'Esc', action: 'nav.shortcutBack' },
];

export function shortcutsFor(can: (permission: Permission) => boolean): Shortcut[] {
  return SHORTCUTS.filter((shortcut) => shortcut.needs === undefined || can(shortcut.needs));
}
