import { SYNC_ERROR_CODES, type ErrorBody, type SyncErrorCode } from '../../shared/sync/protocol';

/** The server answered with a refusal: `code` says which (see shared/sync/protocol.ts). */
export class SyncRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode | 'unexpected-response',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A code from the server, if it is one this app knows. */
export function knownErrorCode(code: string | undefined): SyncErrorCode | 'unexpected-response' {
  return SYNC_ERROR_CODES.find((known) => known === code) ?? 'unexpected-response';
}

/** The server could not be reached at all: offline, refused, cut mid-response. */
export class SyncNetworkError extends Error {}

/** Request bodies above this size travel gzipped: pushes are JSON, which shrinks 5–10×. */
const GZIP_FROM_BYTES = 1024;

export async function requestJson<T>(
  url: URL,
  options: {
    method: 'GET' | 'POST';
    credential?: string;
    body?: unknown;
    signal?: AbortSignal;
    /** More request headers (the device report) */
    headers?: Record<string, string>;
  },
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.credential) headers.authorization = `Bearer ${options.credential}`;
  let body: BodyInit | null = null;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    const json = JSON.stringify(options.body);
    if (json.length >= GZIP_FROM_BYTES) {
      headers['content-encoding'] = 'gzip';
      body = await gzip(json);
    } else {
      body = json;
    }
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: options.method, headers, body, signal: options.signal ?? null });
    text = await response.text();
  } catch (error) {
    throw new SyncNetworkError(error instanceof Error ? error.message : String(error));
  }
  const json = parseJson(text);
  if (!response.ok) {
    const error = json as Partial<ErrorBody> | undefined;
    throw new SyncRequestError(
      response.status,
      knownErrorCode(error?.code),
      error?.message ?? text.slice(0, 200),
      error?.details,
    );
  }
  // A cut link can leave a response that is complete HTTP but not the JSON that was sent.
  if (json === undefined) throw new SyncNetworkError('The response was not JSON.');
  return json as T;
}

async function gzip(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
