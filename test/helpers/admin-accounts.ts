import type { AdminRole, SignInResponse } from '../../shared/admin/admin-api';
import { adminRequest } from './admin-requests';
import { TEST_ADMIN_TOKEN } from './test-server';

/** A new admin account, made with the bootstrap token as the first one is, and its session. */
export async function adminSession(
  serverUrl: string,
  username: string,
  role: AdminRole,
  password = `${username}-passphrase-2026`,
): Promise<{ token: string; id: string; password: string }> {
  const created = await adminRequest(
    serverUrl,
    'POST',
    '/accounts',
    {
      username,
      displayName: `Quản trị ${username}`,
      role,
      password,
    },
    TEST_ADMIN_TOKEN,
  );
  if (created.status !== 201) throw new Error(`account not created: ${JSON.stringify(created)}`);
  return { ...(await signIn(serverUrl, username, password)), password };
}

export async function signIn(
  serverUrl: string,
  username: string,
  password: string,
): Promise<{ token: string; id: string }> {
  const answer = await adminRequest(serverUrl, 'POST', '/sessions', { username, password }, null);
  if (answer.status !== 201) throw new Error(`sign-in refused: ${JSON.stringify(answer)}`);
  const body = answer.body as SignInResponse;
  return { token: body.token, id: body.admin.id };
}
