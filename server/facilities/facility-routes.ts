import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { facilityChangesSchema, newFacilitySchema } from '../../shared/admin/admin-api';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin, PROVINCE_ADMIN, SIGNED_IN_ADMIN } from '../admin/authenticate-admin';
import type { Database } from '../db/database';
import { changeFacility, createFacility, listFacilities, setFacilityActive } from './facility-store';

const facilityParams = z.object({ code: z.string().regex(/^\d{5}$/) });

/**
 * The province's facilities: listed for any admin, created, edited, deactivated and
 * reactivated by a province admin (never deleted: their records and devices refer to them).
 */
export function registerFacilityRoutes(app: FastifyInstance, database: Database, adminToken: string | undefined): void {
  app.get(`${ADMIN_PREFIX}/facilities`, async (request) => {
    authenticateAdmin(request, adminToken, SIGNED_IN_ADMIN);
    return { facilities: await listFacilities(database) };
  });

  app.post(`${ADMIN_PREFIX}/facilities`, async (request, reply) => {
    authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    const input = newFacilitySchema.parse(request.body);
    const created = await database.transaction((tx) => createFacility(tx, input));
    return reply.status(201).send(created);
  });

  app.patch(`${ADMIN_PREFIX}/facilities/:code`, async (request) => {
    authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    const { code } = facilityParams.parse(request.params);
    const changes = facilityChangesSchema.parse(request.body);
    return database.transaction((tx) => changeFacility(tx, code, changes));
  });

  app.post(`${ADMIN_PREFIX}/facilities/:code/deactivate`, async (request) => {
    authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    const { code } = facilityParams.parse(request.params);
    return database.transaction((tx) => setFacilityActive(tx, code, false));
  });

  app.post(`${ADMIN_PREFIX}/facilities/:code/reactivate`, async (request) => {
    authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    const { code } = facilityParams.parse(request.params);
    return database.transaction((tx) => setFacilityActive(tx, code, true));
  });
}
