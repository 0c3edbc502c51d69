import { useEffect } from 'react';
import { IdleTimer } from './idle-timer';
import type { SessionState } from './session';
import { useObservable } from '../db/hooks';
import { LockScreen } from './LockScreen';
import { LoginPage } from './LoginPage';
import { useServices } from '../app/services-context';
import { Shell } from '../app/Shell';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Nobody logged in: the login page. Logged in: the app, remounted for each user so that nothing
 * of the previous user's screens stays. Locked: the app stays mounted under the lock screen, so
 * a half-typed form is still there after unlocking, but is inert and hidden.
 */
export function SessionGate() {
  const { session, idleLockMs } = useServices();
  const state = useObservable<SessionState>(session.state$, session.current);

  useEffect(() => {
    if (state.kind !== 'active') return;
    const timer = new IdleTimer(idleLockMs, () => session.lock());
    const poke = (): void => timer.poke();
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, poke, { passive: true });
    timer.poke();
    return () => {
      timer.stop();
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, poke);
    };
  }, [state.kind, idleLockMs, session]);

  if (state.kind === 'logged-out') return <LoginPage />;
  const locked = state.kind === 'locked';
  return (
    <>
      <div className="session-content" inert={locked} aria-hidden={locked}>
        <Shell key={state.user.id} user={state.user} />
      </div>
      {locked && <LockScreen user={state.user} />}
    </>
  );
}
