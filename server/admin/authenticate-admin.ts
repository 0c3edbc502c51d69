import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/http-error';

/**
 * The provincial sync admin's bearer token (SEN_ADMIN_TOKEN). Staff accounts and roles
 * replace it when they arrive; until then admin routes are off unless a token is configured.
 */
export function authenticateAdmin(request: FastifyRequest, adminToken: string | undefined): void {
  if (!adminToken) throw new HttpError(404, 'not-found', 'Admin routes are disabled: no admin token is configured.');
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const expected = Buffer.from(adminToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, 'invalid-credential', 'An admin credential is required.');
  }
}
