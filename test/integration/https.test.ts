import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/database';
import { loadTls } from '../../server/http/load-tls';
import { openTestDatabase } from '../helpers/test-database';

/** GET over HTTPS trusting only `ca`; resolves to the status, or rejects on a TLS failure. */
function httpsGet(url: string, ca: Buffer | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { ca, rejectUnauthorized: true }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the server given a certificate', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sen-tls-'));
  let app: FastifyInstance;
  let database: Database;
  let drop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(folder, 'key.pem'),
        '-out',
        join(folder, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    ({ database, drop } = await openTestDatabase());
    app = await buildApp({ database, tls: loadTls(join(folder, 'cert.pem'), join(folder, 'key.pem')) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves HTTPS that verifies against its certificate', async () => {
    expect(await httpsGet(`${url}/health`, readFileSync(join(folder, 'cert.pem')))).toBe(200);
  });

  it('is refused by a client that does not trust the certificate, and speaks no plain HTTP', async () => {
    await expect(httpsGet(`${url}/health`, undefined)).rejects.toThrow(/self-signed|certificate/);
    await expect(fetch(url.replace('https:', 'http:') + '/health')).rejects.toThrow();
  });

  it('needs both the certificate and the key', () => {
    expect(() => loadTls(join(folder, 'cert.pem'), undefined)).toThrow(/both/);
    expect(loadTls(undefined, undefined)).toBeUndefined();
  });
});
