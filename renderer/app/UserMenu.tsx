import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { changeLanguage, type Language } from '../i18n/i18n';
import { useServices } from './services-context';

interface MenuItem {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
}

/**
 * Who is logged in, and what they do with their own session: change password, lock, switch
 * language, log out. A menu button (WAI-ARIA): Enter, Space or the arrows open it on an item,
 * the arrows, Home and End move, Escape or Tab close it and focus returns to the button.
 */
export function UserMenu({ user }: { user: StaffDocument }) {
  const { t, i18n } = useTranslation();
  const { session } = useServices();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const roles = user.roles.map((role) => t(`roles.${role}`)).join(', ');
  const otherLanguage: Language = i18n.language === 'en' ? 'vi' : 'en';

  const close = (returnFocus: boolean): void => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };
  const items: MenuItem[] = [
    {
      id: 'password',
      label: t('auth.changePassword'),
      run: () => window.location.assign('#/password'),
    },
    { id: 'lock', label: t('auth.lock'), hint: 'Ctrl+L', run: () => session.lock() },
    {
      id: 'language',
      label: otherLanguage === 'en' ? 'English' : 'Tiếng Việt',
      run: () => void changeLanguage(otherLanguage),
    },
    { id: 'logout', label: t('auth.logout'), run: () => session.logout() },
  ];

  const openAt = (index: number): void => {
    setActive((index + items.length) % items.length);
    setOpen(true);
  };

  // The item to act on has the focus (roving focus), once the menu is drawn.
  useEffect(() => {
    if (open) menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  // A click anywhere else closes the menu, leaving the focus where that click put it.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onButtonKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : -1);
    }
  };
  const onMenuKey = (event: KeyboardEvent): void => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: -1 };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      openAt(next);
    } else if (event.key === 'Escape') {
      // Handled here only: the app's Escape ("back") must not also leave the page.
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  return (
    <div className="user-menu">
      <button
        ref={button}
        type="button"
        className="user-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="user-menu-items"
        aria-label={t('nav.account', { name: user.displayName, roles })}
        data-testid="current-user"
        onClick={() => (open ? close(true) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        <span className="user-name">{user.displayName}</span>
        <span className="user-roles">{roles}</span>
      </button>
      {open && (
        <ul ref={menu} id="user-menu-items" role="menu" aria-label={t('nav.accountMenu')} onKeyDown={onMenuKey}>
          {items.map((item, index) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={index === active ? 0 : -1}
                data-menu-item={item.id}
                aria-keyshortcuts={item.hint?.replace('Ctrl', 'Control')}
                onClick={() => {
                  close(item.id !== 'lock' && item.id !== 'logout');
                  item.run();
                }}
              >
                {item.label}
                {item.hint && <kbd aria-hidden="true">{item.hint}</kbd>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
