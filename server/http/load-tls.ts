import { readFileSync } from 'node:fs';

/** The certificate and key to serve HTTPS with, when both files are configured. */
export function loadTls(
  certPath: string | undefined,
  keyPath: string | undefined,
): { cert: Buffer; key: Buffer } | undefined {
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) throw new Error('Set both SEN_TLS_CERT and SEN_TLS_KEY, or neither.');
  return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
}
