import { useMemo, useState } from 'react';
import { AdminClient, storedSession, type StoredSession } from '../api/admin-client';
import { ConsoleShell } from './ConsoleShell';
import { CONSOLE_PAGE_VIEWS } from './console-pages';
import { SignInPage } from './SignInPage';
import { useHashRoute } from './use-hash-route';

/** Signed out: the sign-in page. Signed in: the shell and the page the hash names. */
export function ConsoleApp() {
  const [session, setSession] = useState<StoredSession | null>(storedSession);
  const [lostReason, setLostReason] = useState<string | null>(null);
  const { page, path } = useHashRoute();
  const client = useMemo(
    () =>
      session
        ? new AdminClient(session.token, (code) => {
            setLostReason(code);
            setSession(null);
          })
        : null,
    [session],
  );

  if (!session || !client)
    return (
      <SignInPage
        reason={lostReason}
        onSignedIn={(signedIn) => {
          setLostReason(null);
          setSession(signedIn);
        }}
      />
    );
  return (
    <ConsoleShell
      admin={session.admin}
      page={page}
      onSignOut={() => {
        void client.signOut().finally(() => setSession(null));
      }}
    >
      {CONSOLE_PAGE_VIEWS[page]({ client, admin: session.admin, path })}
    </ConsoleShell>
  );
}
