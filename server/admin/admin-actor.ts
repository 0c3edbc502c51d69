import type { FastifyRequest } from 'fastify';
import { BOOTSTRAP_NAME } from './authenticate-admin';

/**
 * The name recorded as the admin who restored, dismissed or acknowledged something: the
 * signed-in admin's display name, or the bootstrap token's. Called after `authenticateAdmin`.
 */
export function adminActor(request: FastifyRequest): string {
  const credential = request.adminCredential;
  return credential && !(credential instanceof Error) ? credential.name : BOOTSTRAP_NAME;
}
