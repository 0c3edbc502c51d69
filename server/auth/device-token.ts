import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * A device credential is `<deviceId>.<secret>`. The server keeps only the SHA-256 of the
 * secret: 256 random bits need no slow hash, and a leaked table grants nothing.
 */
export function newDeviceToken(): { deviceId: string; token: string; tokenHash: string } {
  const deviceId = randomUUID();
  return { deviceId, ...newDeviceSecret(deviceId) };
}

/** A fresh credential for an existing device: storing its hash makes the previous one worthless. */
export function newDeviceSecret(deviceId: string): { token: string; tokenHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${deviceId}.${secret}`, tokenHash: sha256(secret) };
}

export function parseDeviceToken(token: string): { deviceId: string; secret: string } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{20,100})$/.exec(token);
  return match?.[1] && match[2] ? { deviceId: match[1], secret: match[2] } : null;
}

export function secretMatches(secret: string, tokenHash: string): boolean {
  const actual = Buffer.from(sha256(secret), 'hex');
  const expected = Buffer.from(tokenHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
