import { syncPath } from '../../shared/sync/protocol';

export interface RawResponse {
  status: number;
  body: unknown;
}

/** Plain HTTP against the sync routes, to pin the protocol from outside any client. */
export async function syncRequest(
  serverUrl: string,
  token: string | null,
  collection: string,
  action: 'pull' | 'push',
  options: { body?: unknown; query?: Record<string, string>; path?: string } = {},
): Promise<RawResponse> {
  const url = new URL(options.path ?? syncPath(collection, action), serverUrl);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method: action === 'push' ? 'POST' : 'GET',
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}
