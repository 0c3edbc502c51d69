import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPath } from '../../shared/sync/protocol';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { patientDocument } from '../helpers/patient-documents';
import { demoSigner, signedDocument } from '../helpers/signing';
import { TEST_ADMIN_TOKEN, TestServer } from '../helpers/test-server';

const REQUESTS = 10_000;
const CONCURRENCY = 16;

/** A small seeded PRNG so that a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface HostileRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

describe('hostile and malformed requests', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    // The fuzzer is one device sending thousands of requests: rate limiting is tested apart.
    server = await TestServer.start({ requestsPerMinute: 1_000_000 });
    token = (await server.enroll('fuzz-target')).token;
  });
  afterAll(async () => {
    await server.close();
  });

  it(`answers ${REQUESTS.toLocaleString('en')} of them without a 5xx, stores nothing, and keeps serving valid requests`, async () => {
    const random = seeded(20_261_123);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const registrar = await demoSigner(DEMO_STAFF.registrar.id);
    const valid = await signedDocument('patients', patientDocument('10010'), registrar);
    const account = {
      ...DEMO_STAFF.nurse,
      roles: ['nurse'],
      keys: [...DEMO_STAFF.nurse.keys],
      facilityCode: '10010',
      active: true,
      passwordChangedAt: 'x',
      updatedAt: 'x',
      updatedBy: DEMO_STAFF.admin.id,
      _deleted: false,
    };
    // Enrollment bodies are valid but for the hostile part; a fixed request id keeps the seeded
    // sequence of requests what it was before enrollment took one.
    const requestId = '019a0000-0000-4000-8000-000000000001';
    const deep = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
    const hostileValues: unknown[] = [
      null,
      42,
      -1e308,
      'x'.repeat(200_000),
      "'; DROP TABLE sync_documents; --",
      '$1 OR 1=1',
      '\u0000',
      '\ud800',
      { __proto__: { polluted: true } },
      { constructor: { prototype: { polluted: true } } },
      [],
      [[[[[]]]]],
      true,
      { $gt: '' },
    ];
    // Every hostile document carries an unknown key besides its hostile value, so that none of
    // them is legitimately storable: then "nothing stored" is exact.
    const mutateDocument = (): Record<string, unknown> => {
      const document: Record<string, unknown> = { ...valid, fuzz: true };
      const field = pick([...Object.keys(valid), '__proto__', 'constructor', 'extra', 'id']);
      document[field] = pick(hostileValues);
      return document;
    };
    const hostileText = (): string =>
      pick([
        'x'.repeat(5000),
        '\u0000',
        '\ud800',
        'server',
        '__proto__',
        registrar.keyId,
        DEMO_STAFF.registrar.id,
        'A'.repeat(86),
      ] as const);
    // Envelopes of every wrong shape, and well-shaped ones whose signature cannot be valid: the
    // body beside them is valid, so the signature check itself is what must refuse them.
    const hostileEnvelope = (): unknown =>
      pick([
        () => pick(hostileValues),
        () => ({ lineage: pick(hostileValues), signature: null }),
        () => ({ lineage: Array.from({ length: 5000 }, () => 'A'.repeat(22)), signature: null }),
        () => ({ lineage: [], signature: pick(hostileValues) }),
        () => ({ lineage: [], signature: { signer: hostileText(), keyId: hostileText(), value: hostileText() } }),
        () => ({ lineage: [], signature: { ...valid.syncMeta.signature, value: 'A'.repeat(86) + '==' } }),
        () => ({ lineage: [], signature: { ...valid.syncMeta.signature, signer: 'server' } }),
        () => ({ lineage: ['A'.repeat(22)], signature: { ...valid.syncMeta.signature, value: 'AAAA' } }),
        () => ({ ...valid.syncMeta, extra: 1 }),
      ])();
    // An account carrying hostile keys or a hostile sealed key (and an unknown key: never storable).
    const mutateAccount = (): Record<string, unknown> => ({
      ...account,
      fuzz: true,
      [pick(['keys', 'sealedKey', 'password'])]: pick([
        ...hostileValues,
        Array.from({ length: 500 }, () => account.keys[0]),
        [{ ...account.keys[0], publicKey: 'AAAA' }],
        { ...account.sealedKey, kdf: { ...account.sealedKey.kdf, iterations: 1 } },
      ]),
      syncMeta: valid.syncMeta,
    });
    const bodies: (() => string | Uint8Array)[] = [
      () => JSON.stringify([{ newDocumentState: mutateDocument() }]),
      () => JSON.stringify([{ newDocumentState: { ...valid, syncMeta: hostileEnvelope() } }]),
      () => JSON.stringify([{ newDocumentState: mutateAccount() }]),
      () =>
        JSON.stringify(
          [{ assumedMasterState: pick(hostileValues), newDocumentState: valid }].concat(pick([[], [{}]]) as never[]),
        ),
      () => JSON.stringify(pick(hostileValues)),
      () => deep(5000),
      () => `{"__proto__": {"polluted": true}, "code": "DEMO-10010", "deviceName": "x", "requestId": "${requestId}"}`,
      () => JSON.stringify({ code: pick(hostileValues), deviceName: pick(hostileValues), requestId }),
      () => JSON.stringify({ checkpoint: pick(hostileValues), limit: pick(hostileValues) }),
      () => new Uint8Array([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28]),
      () => gzipSync(JSON.stringify([{ newDocumentState: valid }])).subarray(0, 20),
      () => JSON.stringify(Array.from({ length: 600 }, () => ({ newDocumentState: mutateDocument() }))),
      () => '{"a":',
      () => '',
    ];
    const paths = [
      syncPath('patients', 'push'),
      syncPath('patients', 'pull'),
      `${syncPath('patients', 'pull')}?checkpoint=${encodeURIComponent(String(pick(hostileValues)))}&limit=${encodeURIComponent(String(pick(hostileValues)))}`,
      `${syncPath('patients', 'pull')}?checkpoint=%7B%22epoch%22%3A%22'%3B--%22%2C%22seq%22%3A-1%7D`,
      '/sync/v2/__proto__/push',
      '/sync/v2/patients%00/pull',
      '/sync/v999/patients/pull',
      '/enroll',
      '/admin/v1/conflicts?facility=%27%3B--',
      syncPath('staff', 'push'),
      syncPath('audit', 'push'),
      '/admin/v1/facilities/10010/staff',
      '/admin/v1/patients/%27%3B--/access',
      `/${'a'.repeat(5000)}`,
    ];
    const credentials = [
      `Bearer ${token}`,
      'Bearer ',
      `Bearer ${token}x`,
      'Basic YTpi',
      `Bearer ${TEST_ADMIN_TOKEN}`,
      '',
    ];
    const hostile = (): HostileRequest => {
      const gzip = random() < 0.15;
      const headers: Record<string, string> = {
        'content-type': pick(['application/json', 'text/plain', 'application/json; charset=latin1']),
      };
      const credential = pick(credentials);
      if (credential) headers.authorization = credential;
      if (gzip) headers['content-encoding'] = 'gzip';
      const method = pick(['GET', 'POST'] as const);
      return { method, path: pick(paths), headers, ...(method === 'POST' ? { body: pick(bodies)() } : {}) };
    };

    const stored = () =>
      server.database.query<{ count: number }>(
        `SELECT ((SELECT count(*) FROM sync_documents) + (SELECT count(*) FROM audit_entries) + (SELECT count(*) FROM audit_alerts))::int AS count`,
      );
    const before = await stored();
    const serverErrors: string[] = [];
    let validChecks = 0;
    let sent = 0;
    const worker = async (): Promise<void> => {
      while (sent < REQUESTS) {
        sent += 1;
        const request = hostile();
        const response = await fetch(`${server.url}${request.path}`, {
          method: request.method,
          headers: request.headers,
          body:
            typeof request.body === 'string' || request.body === undefined
              ? (request.body ?? null)
              : new Uint8Array(request.body).buffer,
        }).catch((error: unknown) => ({ status: 599, text: () => Promise.resolve(String(error)) }));
        if (response.status >= 500)
          serverErrors.push(
            `${response.status} ${request.method} ${request.path.slice(0, 80)}: ${(await response.text()).slice(0, 200)}`,
          );
        else if ('arrayBuffer' in response) await response.arrayBuffer();
        if (sent % 1000 === 0) {
          const pull = await fetch(`${server.url}${syncPath('patients', 'pull')}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          expect(pull.status).toBe(200);
          validChecks += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(serverErrors.slice(0, 10)).toEqual([]);
    expect(validChecks).toBeGreaterThanOrEqual(9);
    const after = await stored();
    expect(after).toEqual(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const push = await fetch(`${server.url}${syncPath('patients', 'push')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ newDocumentState: valid }]),
    });
    expect(push.status).toBe(200);
    // Bounded by count; the time limit only guards against a hang on a loaded CI machine.
  }, 180_000);

  it('limits each device to its allowance of requests, without touching other devices', async () => {
    const limited = await TestServer.start({ requestsPerMinute: 20 });
    try {
      const [busy, quiet] = [await limited.enroll('busy'), await limited.enroll('quiet')];
      const pull = (credential: string): Promise<Response> =>
        fetch(`${limited.url}${syncPath('patients', 'pull')}`, { headers: { authorization: `Bearer ${credential}` } });
      const statuses: number[] = [];
      for (let n = 0; n < 25; n++) statuses.push((await pull(busy.token)).status);
      expect(statuses.slice(0, 15).every((status) => status === 200)).toBe(true);
      const refused = await pull(busy.token);
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ code: 'rate-limited' });
      expect((await pull(quiet.token)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
