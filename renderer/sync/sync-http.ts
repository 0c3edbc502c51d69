import type { ErrorBody, SyncErrorCode } from '../../shared/sync/protocol';

/** The server answered with a refusal: `code` says which (see shared/sync/protocol.ts). */
export class SyncRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode | 'unexpected-response',
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached at all: offline, refused, cut mid-response. */
export class SyncNetworkError extends Error {}

export async function requestJson<T>(
  url: URL,
  options: { method: 'GET' | 'POST'; credential?: string; body?: unknown; signal?: AbortSignal },
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.credential) headers.authorization = `Bearer ${options.credential}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: options.method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
    text = await response.text();
  } catch (error) {
    throw new SyncNetworkError(error instanceof Error ? error.message : String(error));
  }
  const json = parseJson(text);
  if (!response.ok) {
    const body = json as Partial<ErrorBody> | undefined;
    throw new SyncRequestError(
      response.status,
      body?.code ?? 'unexpected-response',
      body?.message ?? text.slice(0, 200),
    );
  }
  return json as T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
