import type { FastifyRequest } from 'fastify';

/**
 * Requests are counted per device: the device id a bearer token claims, together with the
 * address it comes from, so that someone guessing a device id elsewhere cannot use up that
 * device's allowance. Requests without a credential are counted per address.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const claimed = /^Bearer ([0-9a-f-]{36})\./.exec(request.headers.authorization ?? '')?.[1];
  return claimed ? `${request.ip}/${claimed}` : request.ip;
}
