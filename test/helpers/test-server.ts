import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/database';
import { DEMO_ENROLLMENT_CODE, seedDemoFacility } from '../../server/demo/demo-facility';
import type { EnrollResponse } from '../../shared/sync/enrollment';
import { enroll } from './enroll';
import { seedTestAdmin } from './test-admin';
import { openTestDatabase } from './test-database';
import { trackUnusedConnections } from './unused-connections';

/** The bootstrap SEN_ADMIN_TOKEN: creates admin accounts, nothing else (test-admin.ts signs in). */
export const TEST_ADMIN_TOKEN = 'test-admin-token';

export interface AnsweredRequest {
  method: string;
  url: string;
  status: number;
  /** The device named by the bearer token, if any */
  deviceId: string | undefined;
}

export interface TestServerOptions {
  requestsPerMinute?: number;
  /** The server's clock (fleet states, last contacts, resolutions). */
  clock?: () => Date;
  historyLookupsPerMinute?: number;
  /** Answers 500 to every push whose body this accepts (a server bug that one record triggers). */
  failPush?: (body: unknown) => boolean;
  /** The province's updates folder (server/updates). */
  updatesDir?: string;
}

/**
 * The real provincial server on 127.0.0.1 with the demo facility. `stop()` takes the HTTP
 * server down but keeps the database, and `restart()` brings it back on the same port: a
 * network outage, as the clients see it.
 */
export class TestServer {
  private app: FastifyInstance | undefined;
  private port = 0;
  /** Every request answered, in order: what a test waits on instead of waiting for time. */
  readonly answered: AnsweredRequest[] = [];

  private constructor(
    readonly database: Database,
    private readonly dropDatabase: () => Promise<void>,
    private readonly options: TestServerOptions,
  ) {}

  static async start(options: TestServerOptions = {}): Promise<TestServer> {
    const { database, drop } = await openTestDatabase();
    const server = new TestServer(database, drop, options);
    await server.restart();
    await seedDemoFacility(database);
    await seedTestAdmin(database);
    return server;
  }

  /**
   * The server on a database the test opened itself (a file-backed one it backs up and
   * restores), on `port` when given: the address the clients were enrolled to. `close()`
   * closes that database.
   */
  static async startOn(database: Database, port = 0): Promise<TestServer> {
    const server = new TestServer(database, () => database.close(), {});
    server.port = port;
    await server.restart();
    await seedDemoFacility(database);
    await seedTestAdmin(database);
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const { failPush, ...appOptions } = this.options;
    this.app = await buildApp({ database: this.database, adminToken: TEST_ADMIN_TOKEN, ...appOptions });
    this.app.addHook('onResponse', async (request, reply) => {
      const bearer = /^Bearer ([^.]+)\./.exec(request.headers.authorization ?? '');
      this.answered.push({ method: request.method, url: request.url, status: reply.statusCode, deviceId: bearer?.[1] });
    });
    if (failPush) {
      // A fault injected in front of the real routes: the server failing on some batches.
      this.app.addHook('preHandler', async (request, reply) => {
        if (request.method === 'POST' && request.url.endsWith('/push') && failPush(request.body)) {
          await reply.status(500).send({ code: 'internal-error', message: 'Unexpected server error.' });
        }
      });
    }
    // Going down cuts connections nobody used, as an outage would, instead of waiting for them.
    const connections = trackUnusedConnections(this.app.server);
    this.app.addHook('preClose', (done) => {
      connections.cut();
      done();
    });
    await this.app.listen({ host: '127.0.0.1', port: this.port });
    const address = this.app.server.address();
    if (address && typeof address === 'object') this.port = address.port;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
  }

  enroll(deviceName: string, code = DEMO_ENROLLMENT_CODE): Promise<EnrollResponse> {
    return enroll(this.url, deviceName, code);
  }

  async close(): Promise<void> {
    await this.stop();
    await this.dropDatabase();
  }
}
