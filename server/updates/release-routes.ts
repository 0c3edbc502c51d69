import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isSemVer } from '../../shared/updates/semver';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin, SIGNED_IN_ADMIN } from '../admin/authenticate-admin';
import type { Database } from '../db/database';
import { listReleases, storeRelease, widenStage } from './release-registry';
import type { UpdatesFolder } from './updates-folder';

const version = z.string().max(60).refine(isSemVer, 'a semantic version, for example 0.2.0');
const registerBody = z.object({ version }).strict();
const rolloutBody = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z
    .object({
      facilities: z
        .array(z.string().regex(/^\d{5}$/))
        .min(1)
        .max(2000),
    })
    .strict(),
]);
const versionParams = z.object({ version });

/**
 * Publishing a version of the app: register what the province put in its updates folder (its
 * sha512 checked), then stage it for chosen facilities first and for all later. The sync admins
 * do this (any signed-in admin); every change lands in the admin audit trail.
 */
export function registerReleaseRoutes(app: FastifyInstance, database: Database, folder: UpdatesFolder): void {
  app.get(`${ADMIN_PREFIX}/updates/releases`, async (request) => {
    authenticateAdmin(request, undefined, SIGNED_IN_ADMIN);
    return listReleases(database);
  });

  app.post(`${ADMIN_PREFIX}/updates/releases`, async (request, reply) => {
    const actor = authenticateAdmin(request, undefined, SIGNED_IN_ADMIN);
    const body = registerBody.parse(request.body);
    const release = await storeRelease(database, await folder.readRelease(body.version), actor.name);
    return reply.status(201).send(release);
  });

  app.post(`${ADMIN_PREFIX}/updates/releases/:version/rollout`, async (request) => {
    const actor = authenticateAdmin(request, undefined, SIGNED_IN_ADMIN);
    const params = versionParams.parse(request.params);
    const stage = rolloutBody.parse(request.body);
    await widenStage(database, params.version, stage, actor.name);
    const { releases } = await listReleases(database);
    return releases.find((release) => release.version === params.version);
  });
}
