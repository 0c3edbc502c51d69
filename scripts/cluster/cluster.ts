import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterProcess, databaseAccount, giveTo } from './child-process';
import { haproxyConfig } from './haproxy-config';
import { startPatroniCluster, type PatroniCluster } from './patroni-cluster';
import { startPostgres, type PostgresInstance } from './postgres-instance';
import { answersOk, freePort, waitUntil } from './ports';
import { SenNode } from './sen-node';

/** True when HAProxy's statistics show at least `count` servers of the backend UP. */
export async function backendUp(statsUrl: string, backend: string, count: number): Promise<boolean> {
  const response = await fetch(`${statsUrl};csv`, { signal: AbortSignal.timeout(2000) });
  const rows = (await response.text()).split('\n').map((line) => line.split(','));
  // CSV columns: proxy name, server name, …, status (the 18th)
  const up = rows.filter((row) => row[0] === backend && row[1] !== 'BACKEND' && row[17] === 'UP');
  return up.length >= count;
}

export interface ClusterOptions {
  /** Sen server processes (default 2) */
  nodes?: number;
  /** the balancer's port (default: any free port) */
  port?: number;
  /** use this PostgreSQL instead of starting one (stateless-nodes mode only) */
  databaseUrl?: string | undefined;
  /** Patroni + etcd with this many PostgreSQL nodes instead of one PostgreSQL */
  ha?: { databases: number } | undefined;
  /** seed the demo facility, catalogs and admin (server/main.ts SEN_DEMO=1) */
  demo?: boolean;
  /** the folder for data and generated configuration (default: a new temporary folder, removed on stop) */
  folder?: string | undefined;
  /** environment for every Sen node (LOG_LEVEL, SEN_ADMIN_TOKEN…) */
  env?: NodeJS.ProcessEnv;
}

export interface Cluster {
  /** where devices connect: HAProxy */
  readonly url: string;
  /** HAProxy's statistics page */
  readonly statsUrl: string;
  /** what every Sen node connects to (HAProxy's PostgreSQL port in HA mode) */
  readonly databaseUrl: string;
  readonly nodes: readonly SenNode[];
  readonly patroni: PatroniCluster | undefined;
  readonly folder: string;
  stop(): Promise<void>;
}

/**
 * The whole province on one machine, each part its own process: PostgreSQL (one, or Patroni
 * nodes with etcd), two or more Sen server processes and HAProxy in front of them. Everything
 * started is stopped by `stop()`, also when starting fails half way.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'sen-cluster-'));
  const removeFolder = options.folder === undefined;
  mkdirSync(folder, { recursive: true });
  const account = databaseAccount();
  // PostgreSQL and Patroni run as the database account: they must reach their folders.
  giveTo(folder, account);
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const step of stops.splice(0).reverse()) await step().catch((error: unknown) => console.error(error));
    if (removeFolder) rmSync(folder, { recursive: true, force: true });
  };
  try {
    const password = randomBytes(18).toString('base64url');
    let postgres: PostgresInstance | undefined;
    let patroni: PatroniCluster | undefined;
    const databasePort = await freePort();
    if (options.ha) {
      patroni = await startPatroniCluster(
        join(folder, 'patroni'),
        options.ha.databases,
        {
          superuser: password,
          replication: randomBytes(18).toString('base64url'),
        },
        account,
      );
      const started = patroni;
      stops.push(() => started.stop());
    } else if (!options.databaseUrl) {
      postgres = await startPostgres(join(folder, 'postgres'), databasePort, password, account);
      const started = postgres;
      stops.push(() => started.process.stop('SIGINT'));
    }
    const databaseUrl =
      options.databaseUrl && !options.ha
        ? options.databaseUrl
        : `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${databasePort}/postgres`;

    const nodeCount = options.nodes ?? 2;
    const nodes: SenNode[] = [];
    for (let n = 1; n <= nodeCount; n++) {
      nodes.push(
        new SenNode(`node${n}`, await freePort(), {
          ...options.env,
          DATABASE_URL: databaseUrl,
          SEN_DATA_DIR: join(folder, `node${n}`),
          // HAProxy runs on this machine: its X-Forwarded-For names the real client.
          SEN_TRUST_PROXY: '127.0.0.1',
          // Seeding is idempotent, but one node doing it keeps racing inserts out of the logs.
          SEN_DEMO: options.demo && n === 1 ? '1' : '0',
        }),
      );
    }
    const port = options.port ?? (await freePort());
    const statsPort = await freePort();
    const configFile = join(folder, 'haproxy.cfg');
    writeFileSync(
      configFile,
      haproxyConfig({
        port,
        statsPort,
        nodes: nodes.map((node) => `127.0.0.1:${node.port}`),
        postgres: patroni && {
          port: databasePort,
          members: patroni.nodes.map((node) => ({
            address: `127.0.0.1:${node.member.port}`,
            restApi: node.restApi,
          })),
        },
      }),
    );
    // -db: stay in the foreground, a child of this script; -W: master-worker (reloadable).
    const haproxy = ClusterProcess.start('haproxy', 'haproxy', ['-W', '-db', '-f', configFile], {
      logFile: join(folder, 'haproxy.log'),
    });
    stops.push(() => haproxy.stop('SIGTERM', 5000));
    const statsUrl = `http://127.0.0.1:${statsPort}/`;
    await waitUntil(() => answersOk(statsUrl), 'HAProxy', 30_000);

    // The first node migrates the database; the others start on a migrated one.
    const [first, ...others] = nodes;
    stops.push(async () => {
      await Promise.all(nodes.map((node) => node.stop()));
    });
    await first?.start();
    await Promise.all(others.map((node) => node.start()));
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(() => backendUp(statsUrl, 'sen_nodes', nodeCount), 'every Sen node in HAProxy', 30_000);
    return { url, statsUrl, databaseUrl, nodes, patroni, folder, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
