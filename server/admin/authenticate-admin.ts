import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ADMIN_API_PREFIX, ADMIN_ROLES, type AdminIdentity, type AdminRole } from '../../shared/admin/admin-api';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { isSessionToken, lookUpSession } from './admin-sessions';

/** Who is acting: a signed-in admin, or whoever holds the bootstrap SEN_ADMIN_TOKEN. */
export interface AdminActor {
  id: string | null;
  name: string;
  role: AdminRole | 'bootstrap';
  /** The session token, to end it on sign-out; null for the bootstrap token. */
  sessionToken: string | null;
}

/** The read-only FHIR API (server/exports): admin credentials too. */
const FHIR_PREFIX = '/fhir';

export const BOOTSTRAP_NAME = 'SEN_ADMIN_TOKEN (bootstrap)';

/** Which credentials a route accepts. */
export interface AdminAccess {
  roles: readonly AdminRole[];
  /** Whether the bootstrap SEN_ADMIN_TOKEN is enough. */
  bootstrap: boolean;
}

/** A signed-in admin of either role: what every admin route asks unless it says more. */
export const SIGNED_IN_ADMIN: AdminAccess = { roles: ADMIN_ROLES, bootstrap: false };
/** Accounts and facilities, and whatever shows or chooses between patient values: a province admin. */
export const PROVINCE_ADMIN: AdminAccess = { roles: ['province-admin'], bootstrap: false };
/** Creating an admin account: a province admin, or the bootstrap token (how the first one is made). */
export const ACCOUNT_CREATION: AdminAccess = { roles: ['province-admin'], bootstrap: true };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every /admin/v1 request before its handler: the actor, or why there is none. */
    adminCredential?: AdminActor | HttpError;
  }
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Resolves the credential of every admin request once, before its handler (a session needs a
 * database lookup), so that `authenticateAdmin` stays a synchronous check each route calls.
 */
export function registerAdminCredentials(
  app: FastifyInstance,
  database: Database,
  adminToken: string | undefined,
): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith(`${ADMIN_API_PREFIX}/`) && !request.url.startsWith(`${FHIR_PREFIX}/`)) return;
    request.adminCredential = await resolveCredential(request, database, adminToken);
  });
}

async function resolveCredential(
  request: FastifyRequest,
  database: Database,
  adminToken: string | undefined,
): Promise<AdminActor | HttpError> {
  const bearer = bearerOf(request);
  if (!bearer) return new HttpError(401, 'missing-credential', 'An admin credential is required: sign in.');
  if (adminToken && sameSecret(bearer, adminToken))
    return { id: null, name: BOOTSTRAP_NAME, role: 'bootstrap', sessionToken: null };
  if (!isSessionToken(bearer)) return new HttpError(401, 'invalid-credential', 'An admin credential is required.');
  const session = await lookUpSession(database, bearer);
  switch (session.state) {
    case 'valid':
      return actorOf(session.admin, bearer);
    case 'expired':
      return new HttpError(401, 'session-expired', 'The session has expired: sign in again.');
    case 'locked':
      return new HttpError(423, 'account-locked', 'The account is locked after repeated failed sign-ins.');
    default:
      return new HttpError(401, 'invalid-credential', 'The session has ended or the account is inactive.');
  }
}

function actorOf(admin: AdminIdentity, sessionToken: string): AdminActor {
  return { id: admin.id, name: admin.displayName, role: admin.role, sessionToken };
}

/**
 * The admin making this request, refusing a missing, expired or locked-out credential (401/423)
 * and a role the route does not accept (403). The bootstrap SEN_ADMIN_TOKEN is refused
 * everywhere but account creation (403 `bootstrap-token-limited`): a shared secret names nobody,
 * so everything else is done by a named admin. `adminToken` is no longer read (the credential
 * hook holds it); the parameter stays so that existing calls keep compiling.
 */
export function authenticateAdmin(
  request: FastifyRequest,
  _adminToken?: string,
  access: AdminAccess = SIGNED_IN_ADMIN,
): AdminActor {
  const credential = request.adminCredential;
  if (credential === undefined) throw new HttpError(401, 'missing-credential', 'An admin credential is required.');
  if (credential instanceof HttpError) throw credential;
  if (credential.role === 'bootstrap') {
    if (!access.bootstrap)
      throw new HttpError(
        403,
        'bootstrap-token-limited',
        'The bootstrap SEN_ADMIN_TOKEN may only create admin accounts: sign in with an admin account.',
      );
    return credential;
  }
  if (!access.roles.includes(credential.role))
    throw new HttpError(403, 'forbidden', `The role ${credential.role} may not do this.`);
  return credential;
}
