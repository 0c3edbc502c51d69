import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createPasswordVerifier } from '../../shared/staff/password-verifier';
import { passwordProblems } from '../../shared/staff/password-policy';
import { ROLES } from '../../shared/staff/roles';
import { newStaffKey } from '../../shared/staff/staff-keys';
import { PROVINCE_AUTHOR, USERNAME_PATTERN, type StaffDocument } from '../../shared/staff/staff-document';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin } from '../admin/authenticate-admin';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import type { ServerKey } from '../signing/server-key';
import { findStaff, listStaff, saveStaff, staffRecord } from './staff-store';

const facilityParams = z.object({ code: z.string().regex(/^\d{5}$/) });
const staffParams = z.object({ id: z.uuid() });
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
const newStaffBody = z
  .object({
    username: z.string().regex(USERNAME_PATTERN),
    displayName: z.string().trim().min(1).max(100),
    roles,
    password: z.string().max(128),
  })
  .strict();
const staffChangesBody = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    roles: roles.optional(),
    active: z.boolean().optional(),
    password: z.string().max(128).optional(),
  })
  .strict();

function checkPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0)
    throw new HttpError(422, 'password-rejected', 'The password is not acceptable.', { problems });
}

/**
 * Staff accounts managed at the province: created with a first password, changed, deactivated.
 * Each change is a synced document signed by the server, so it reaches the facility's PCs like
 * any other. A first or new password comes with a new key pair, sealed with that password (the
 * province knows the password it sets, so it vouches for the key).
 */
export function registerStaffRoutes(
  app: FastifyInstance,
  database: Database,
  adminToken: string | undefined,
  serverKey: ServerKey,
): void {
  app.get(`${ADMIN_PREFIX}/facilities/:code/staff`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { code } = facilityParams.parse(request.params);
    return { staff: (await listStaff(database, code)).map(staffRecord) };
  });

  app.post(`${ADMIN_PREFIX}/facilities/:code/staff`, async (request, reply) => {
    authenticateAdmin(request, adminToken);
    const { code } = facilityParams.parse(request.params);
    const input = newStaffBody.parse(request.body);
    checkPassword(input.password, input.username);
    const [facility] = await database.query('SELECT 1 FROM facilities WHERE code = $1', [code]);
    if (!facility) throw new HttpError(404, 'not-found', `No facility ${code}.`);
    const now = new Date().toISOString();
    const [verifier, { key, sealedKey }] = await Promise.all([
      createPasswordVerifier(input.password),
      newStaffKey(input.password, now),
    ]);
    const staff: StaffDocument = {
      id: randomUUID(),
      facilityCode: code,
      username: input.username,
      displayName: input.displayName,
      roles: input.roles,
      active: true,
      password: verifier,
      passwordChangedAt: now,
      updatedAt: now,
      updatedBy: PROVINCE_AUTHOR,
      keys: [key],
      sealedKey,
    };
    await database.transaction((tx) => saveStaff(tx, staff, null, serverKey));
    return reply.status(201).send(staffRecord(staff));
  });

  app.patch(`${ADMIN_PREFIX}/staff/:id`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { id } = staffParams.parse(request.params);
    const changes = staffChangesBody.parse(request.body);
    const password = changes.password;
    const now = new Date().toISOString();
    // Hashed and sealed before the transaction: 600,000 iterations should not hold a row lock.
    const reset =
      password === undefined
        ? undefined
        : await Promise.all([createPasswordVerifier(password), newStaffKey(password, now)]);
    return database.transaction(async (tx) => {
      const stored = await findStaff(tx, id);
      if (!stored) throw new HttpError(404, 'not-found', `No staff account ${id}.`);
      const current = stored.account;
      if (password !== undefined) checkPassword(password, current.username);
      const next: StaffDocument = {
        ...current,
        ...(changes.displayName === undefined ? {} : { displayName: changes.displayName }),
        ...(changes.roles === undefined ? {} : { roles: changes.roles }),
        ...(changes.active === undefined ? {} : { active: changes.active }),
        // A reset: the old password is unknown here, so the old key cannot be re-sealed; a new
        // key pair signs from now on (the old one stays listed for what it signed).
        ...(reset === undefined
          ? {}
          : {
              password: reset[0],
              passwordChangedAt: now,
              keys: [...current.keys, reset[1].key],
              sealedKey: reset[1].sealedKey,
            }),
        updatedAt: now,
        updatedBy: PROVINCE_AUTHOR,
      };
      await saveStaff(tx, next, stored, serverKey);
      return staffRecord(next);
    });
  });
}
