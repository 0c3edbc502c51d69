import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DUPLICATES_PATH, dismissBodySchema, mergeBodySchema } from '../../shared/identity/duplicates-api';
import { adminActor } from '../admin/admin-actor';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin, PROVINCE_ADMIN } from '../admin/authenticate-admin';
import type { Database } from '../db/database';
import type { ServerKey } from '../signing/server-key';
import { listDuplicateCandidates } from './duplicate-candidates';
import { catchUpIdentityIndex } from './identity-index';
import { dismissDuplicate, mergeDuplicates } from './merge-duplicates';

const listQuery = z
  .object({
    facility: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/**
 * The master patient index for the province (README "The master patient index"): candidate pairs,
 * merging a pair into one person (the other id stays an alias, nothing is deleted) and dismissing
 * a pair for good. All three are a signed-in province admin's: the list shows names, CCCD and
 * BHYT numbers, which a sync admin may not read (as the conflict values), and a merge changes
 * what every facility's history lookup returns. A merge within one facility also reaches its PCs:
 * the records are marked as an edit made at the province (mark-merged-aliases.ts). Merges and dismissals reach the admin audit
 * through its hook, with the pair, the primary id and the note.
 */
export function registerIdentityRoutes(
  app: FastifyInstance,
  database: Database,
  serverKey: ServerKey,
  clock: () => Date,
): void {
  const path = `${ADMIN_PREFIX}${DUPLICATES_PATH}`;

  app.get(path, async (request) => {
    authenticateAdmin(request, undefined, PROVINCE_ADMIN);
    const query = listQuery.parse(request.query);
    // The index follows the feeds: what was pushed since the last look is indexed first.
    await catchUpIdentityIndex(database);
    return listDuplicateCandidates(database, {
      facility: query.facility ?? null,
      cursor: query.cursor ?? null,
      limit: query.limit,
    });
  });

  app.post(`${path}/merge`, async (request) => {
    authenticateAdmin(request, undefined, PROVINCE_ADMIN);
    const { note, ...pair } = mergeBodySchema.parse(request.body);
    return mergeDuplicates(database, pair, { actor: adminActor(request), note }, { serverKey, now: clock() });
  });

  app.post(`${path}/dismiss`, async (request) => {
    authenticateAdmin(request, undefined, PROVINCE_ADMIN);
    const { note, ...pair } = dismissBodySchema.parse(request.body);
    await dismissDuplicate(database, pair, { actor: adminActor(request), note });
    return { dismissed: true };
  });
}
