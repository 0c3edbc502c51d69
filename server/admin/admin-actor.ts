import type { FastifyRequest } from 'fastify';

/**
 * The name recorded as the admin who restored, dismissed or acknowledged something. Today
 * every admin holds the one shared SEN_ADMIN_TOKEN, so this names the token; once admin
 * accounts exist (the console's sign-in), it returns the signed-in admin's username.
 */
export function adminActor(_request: FastifyRequest): string {
  return 'admin-token';
}
