import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  adminAccountChangesSchema,
  newAdminAccountSchema,
  signInBodySchema,
  type SignInResponse,
} from '../../shared/admin/admin-api';
import { createPasswordVerifier, verifyPassword } from '../../shared/staff/password-verifier';
import { passwordProblems } from '../../shared/staff/password-policy';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import {
  findAdmin,
  findAdminByUsername,
  identityOf,
  insertAdmin,
  listAdmins,
  LOCKOUT_MINUTES,
  publicRecord,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  updateAdmin,
} from './admin-accounts';
import { listAdminAudit, recordAdminAction } from './admin-audit';
import { endSession, endSessionsOf, SESSION_IDLE_MINUTES, startSession } from './admin-sessions';
import { ADMIN_PREFIX } from './admin-routes';
import { ACCOUNT_CREATION, authenticateAdmin, PROVINCE_ADMIN, SIGNED_IN_ADMIN } from './authenticate-admin';

const accountParams = z.object({ id: z.uuid() });
const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});

/** Hashed once at startup: an unknown username costs as much as a wrong password, so it does not show. */
const decoyVerifier = createPasswordVerifier(randomUUID());

function checkPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0)
    throw new HttpError(422, 'password-rejected', 'The password is not acceptable.', { problems });
}

const lockedError = () =>
  new HttpError(
    423,
    'account-locked',
    `The account is locked after repeated failed sign-ins; try again in ${String(LOCKOUT_MINUTES)} minutes or ask a province admin.`,
  );

/** Sign-in and sign-out of the province's admins, their accounts, and the admin audit trail. */
export function registerAdminAccountRoutes(
  app: FastifyInstance,
  database: Database,
  adminToken: string | undefined,
): void {
  app.post(`${ADMIN_PREFIX}/sessions`, async (request, reply) => {
    const { username, password } = signInBodySchema.parse(request.body);
    const account = await findAdminByUsername(database, username.trim().toLowerCase());
    if (!account || !account.active) {
      await verifyPassword(password, await decoyVerifier);
      throw new HttpError(401, 'invalid-credential', 'Wrong username or password.');
    }
    if (account.locked) throw lockedError();
    if (!(await verifyPassword(password, account.password))) {
      const nowLocked = await recordFailedSignIn(database, account.id);
      await recordAdminAction(database, {
        adminId: account.id,
        adminName: account.displayName,
        action: nowLocked ? 'sign-in-locked' : 'sign-in-failed',
        target: account.username,
      });
      if (nowLocked) throw lockedError();
      throw new HttpError(401, 'invalid-credential', 'Wrong username or password.');
    }
    await recordSuccessfulSignIn(database, account.id);
    const session = await startSession(database, account.id);
    await recordAdminAction(database, {
      adminId: account.id,
      adminName: account.displayName,
      action: 'sign-in',
      target: account.username,
    });
    const body: SignInResponse = {
      token: session.token,
      admin: identityOf(account),
      idleMinutes: SESSION_IDLE_MINUTES,
      expiresAt: session.expiresAt,
    };
    return reply.status(201).send(body);
  });

  app.get(`${ADMIN_PREFIX}/sessions/current`, (request) => {
    const actor = authenticateAdmin(request, adminToken, SIGNED_IN_ADMIN);
    return { admin: { id: actor.id, displayName: actor.name, role: actor.role } };
  });

  app.delete(`${ADMIN_PREFIX}/sessions/current`, async (request, reply) => {
    const actor = authenticateAdmin(request, adminToken, SIGNED_IN_ADMIN);
    if (actor.sessionToken) await endSession(database, actor.sessionToken);
    return reply.status(204).send();
  });

  app.get(`${ADMIN_PREFIX}/accounts`, async (request) => {
    authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    return { accounts: (await listAdmins(database)).map(publicRecord) };
  });

  app.post(`${ADMIN_PREFIX}/accounts`, async (request, reply) => {
    authenticateAdmin(request, adminToken, ACCOUNT_CREATION);
    const input = newAdminAccountSchema.parse(request.body);
    checkPassword(input.password, input.username);
    const id = randomUUID();
    const password = await createPasswordVerifier(input.password);
    if (!(await insertAdmin(database, { ...input, id, password })))
      throw new HttpError(409, 'username-taken', `The username ${input.username} is taken.`);
    const created = await findAdmin(database, id);
    if (!created) throw new Error('an account just created is missing');
    return reply.status(201).send(publicRecord(created));
  });

  app.patch(`${ADMIN_PREFIX}/accounts/:id`, async (request) => {
    const actor = authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    const { id } = accountParams.parse(request.params);
    const { password: newPassword, ...changes } = adminAccountChangesSchema.parse(request.body);
    // The last word on accounts must not lock itself out: another province admin does that.
    if (id === actor.id && (changes.active === false || (changes.role && changes.role !== actor.role)))
      throw new HttpError(409, 'own-account', 'You cannot deactivate your own account or change its role.');
    const password = newPassword === undefined ? undefined : await createPasswordVerifier(newPassword);
    return database.transaction(async (tx) => {
      const stored = await findAdmin(tx, id);
      if (!stored) throw new HttpError(404, 'not-found', `No admin account ${id}.`);
      if (newPassword !== undefined) checkPassword(newPassword, stored.username);
      await updateAdmin(tx, id, { ...changes, ...(password ? { password } : {}) });
      if (changes.active === false || password) await endSessionsOf(tx, id);
      const updated = await findAdmin(tx, id);
      if (!updated) throw new Error('an account just updated is missing');
      return publicRecord(updated);
    });
  });

  app.get(`${ADMIN_PREFIX}/admin-audit`, async (request) => {
    authenticateAdmin(request, adminToken, SIGNED_IN_ADMIN);
    const { limit, before } = auditQuery.parse(request.query);
    return { entries: await listAdminAudit(database, limit, before ?? null) };
  });
}
