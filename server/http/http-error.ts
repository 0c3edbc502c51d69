import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { ErrorBody, SyncErrorCode } from '../../shared/sync/protocol';
import { DatabaseBusyError } from '../db/database-busy';

const BUSY_RETRY_AFTER_SECONDS = 2;

/** A refusal with a status, a kebab-case code for machines and a sentence for people. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const FASTIFY_CODES: Record<string, { status: number; code: SyncErrorCode }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body-too-large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'invalid-request' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid-request' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid-request' },
};

/** Every error leaves as `{code, message}`; only unexpected ones are 5xx, and they are logged. */
export function sendError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  let body: ErrorBody;
  let status: number;
  if (error instanceof HttpError) {
    status = error.status;
    body = { code: error.code, message: error.message, details: error.details };
  } else if (error instanceof ZodError) {
    status = 400;
    body = { code: 'invalid-request', message: 'The request does not match the schema.', details: error.issues };
  } else if ('code' in error && typeof error.code === 'string' && FASTIFY_CODES[error.code]) {
    const known = FASTIFY_CODES[error.code];
    status = known?.status ?? 400;
    body = { code: known?.code ?? 'invalid-request', message: error.message };
  } else if (isPostgresDataException(error)) {
    // Input the checks before did not foresee, refused by the database: the caller's fault, and
    // retrying the same request will not help, so it must not look like a server failure.
    request.log.warn({ err: error }, 'input refused by the database');
    status = 422;
    body = { code: 'invalid-document', message: 'The database cannot store this input.' };
  } else if (error instanceof DatabaseBusyError) {
    // Overload or a failover: nothing was done, and the client retries a 503 (retry-transient.ts).
    request.log.warn({ err: error }, 'no database connection free in time');
    status = 503;
    void reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
    body = { code: 'internal-error', message: 'The server is busy; send the request again.' };
  } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
    status = error.statusCode;
    body = { code: 'invalid-request', message: error.message };
  } else {
    request.log.error({ err: error }, 'unexpected error');
    status = 500;
    body = { code: 'internal-error', message: 'Unexpected server error.' };
  }
  void reply.status(status).send(body);
}

/** PostgreSQL's SQLSTATE class 22, "data exception": invalid text, numbers out of range, … */
function isPostgresDataException(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}
