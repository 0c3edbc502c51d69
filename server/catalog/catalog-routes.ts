import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CATALOG_KINDS } from '../../shared/catalog/catalog-kinds';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin } from '../admin/authenticate-admin';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import type { ServerKey } from '../signing/server-key';
import { importCatalog } from './import-catalog';

const importParams = z.object({ kind: z.enum(CATALOG_KINDS) }).strict();
const importQuery = z
  .object({
    province: z.string().regex(/^\d{2}$/),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    dryRun: z.enum(['0', '1', 'true', 'false']).optional(),
    /** The file is the whole list: codes in force that it lacks are retired (withdrawn). */
    retireMissing: z.enum(['0', '1', 'true', 'false']).optional(),
  })
  .strict();

/**
 * `POST /admin/v1/catalogs/:kind/import?province=&effectiveFrom=&dryRun=1&retireMissing=1` with the
 * CSV file as the body (`text/csv`): the whole file applied, or nothing and every bad row with its
 * line. The answer lists the codes added, changed and retired (a dry run: that would be).
 */
export function registerCatalogRoutes(
  app: FastifyInstance,
  database: Database,
  adminToken: string | undefined,
  serverKey: ServerKey,
): void {
  // Ministry files come as CSV; the body is kept as bytes so that the import can tell a file
  // that is not UTF-8 from one that is.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  app.post(`${ADMIN_PREFIX}/catalogs/:kind/import`, async (request, reply) => {
    authenticateAdmin(request, adminToken);
    const { kind } = importParams.parse(request.params);
    const query = importQuery.parse(request.query);
    if (!(request.body instanceof Buffer))
      throw new HttpError(415, 'invalid-request', 'Send the catalog file as text/csv.');
    const [province] = await database.query('SELECT 1 FROM provinces WHERE code = $1', [query.province]);
    if (!province) throw new HttpError(404, 'not-found', `No province ${query.province}.`);
    const result = await importCatalog(database, serverKey, {
      kind,
      file: new Uint8Array(request.body),
      provinceCode: query.province,
      effectiveFrom: query.effectiveFrom,
      dryRun: query.dryRun === '1' || query.dryRun === 'true',
      retireMissing: query.retireMissing === '1' || query.retireMissing === 'true',
    });
    if (!result.ok) {
      return reply.status(422).send({
        code: 'catalog-invalid',
        message: `The file was not applied: ${String(result.errors.length)} problem(s).`,
        details: { errors: result.errors },
      });
    }
    return result;
  });
}
