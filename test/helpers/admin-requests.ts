import { TEST_ADMIN_SESSION } from './test-admin';

/** Plain HTTP against the provincial admin API, as the sync admin's console calls it (as the test province admin unless told). */
export async function adminRequest(
  serverUrl: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  token: string | null = TEST_ADMIN_SESSION,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${serverUrl}/admin/v1${path}`, {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}
