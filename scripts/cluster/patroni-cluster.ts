import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterProcess, giveTo, type RunAs } from './child-process';
import { patroniConfig, type PatroniMember, type PatroniSecrets } from './patroni-config';
import { postgresBinDir } from './postgres-binaries';
import { answersOk, freePort, waitUntil } from './ports';

/** One database machine: Patroni and the PostgreSQL it runs. */
export class PatroniNode {
  process: ClusterProcess;

  constructor(
    readonly member: PatroniMember,
    private readonly configFile: string,
    private readonly account: RunAs | undefined,
  ) {
    this.process = this.spawn();
  }

  private spawn(): ClusterProcess {
    return ClusterProcess.start(`patroni ${this.member.name}`, 'patroni', [this.configFile], {
      account: this.account,
      logFile: join(this.member.folder, 'patroni.log'),
      env: { ...process.env, HOME: this.member.folder },
    });
  }

  get restApi(): string {
    return `http://127.0.0.1:${this.member.restPort}`;
  }

  isPrimary(): Promise<boolean> {
    return answersOk(`${this.restApi}/primary`);
  }

  isReplica(): Promise<boolean> {
    return answersOk(`${this.restApi}/replica`);
  }

  /**
   * The running postmaster's pid, from the file PostgreSQL keeps in its data folder; undefined
   * when that file is stale (a killed postmaster leaves it, and its pid may be reused).
   */
  postmasterPid(): number | undefined {
    const dataDir = join(this.member.folder, 'data');
    const file = join(dataDir, 'postmaster.pid');
    if (!existsSync(file)) return undefined;
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    const commandLine = `/proc/${pid}/cmdline`;
    if (!existsSync(commandLine)) return undefined;
    return readFileSync(commandLine, 'utf8').includes(dataDir) ? pid : undefined;
  }

  /** The machine lost: SIGKILL to Patroni and to its PostgreSQL, with no chance to hand over. */
  async killMachine(): Promise<void> {
    const postmaster = this.postmasterPid();
    await this.process.kill();
    if (postmaster) {
      try {
        process.kill(postmaster, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  /** Starts Patroni again on the same data: it rejoins as a replica (pg_rewind if needed). */
  restart(): void {
    this.process = this.spawn();
  }

  async stop(): Promise<void> {
    // Patroni stops its PostgreSQL on SIGTERM (fast shutdown) before exiting.
    await this.process.stop('SIGTERM', 30_000);
    const postmaster = this.postmasterPid();
    if (postmaster) {
      try {
        process.kill(postmaster, 'SIGINT');
      } catch {
        // already gone
      }
    }
  }
}

export interface PatroniCluster {
  readonly etcd: ClusterProcess;
  readonly nodes: readonly PatroniNode[];
  readonly secrets: PatroniSecrets;
  stop(): Promise<void>;
}

/**
 * One etcd (the store Patroni elects the leader in) and `count` PostgreSQL nodes run by Patroni,
 * each in its own folder under `folder` with its own ports; resolves once there is a primary and
 * every other node streams from it.
 */
export async function startPatroniCluster(
  folder: string,
  count: number,
  secrets: PatroniSecrets,
  account: RunAs | undefined,
): Promise<PatroniCluster> {
  const etcdFolder = join(folder, 'etcd');
  mkdirSync(etcdFolder, { recursive: true });
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const clientUrl = `http://127.0.0.1:${clientPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const etcd = ClusterProcess.start(
    'etcd',
    'etcd',
    [
      '--name=sen-etcd',
      `--data-dir=${etcdFolder}/data`,
      `--listen-client-urls=${clientUrl}`,
      `--advertise-client-urls=${clientUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=sen-etcd=${peerUrl}`,
      '--log-level=error',
    ],
    { logFile: join(etcdFolder, 'etcd.log') },
  );
  const nodes: PatroniNode[] = [];
  const stop = async (): Promise<void> => {
    // Replicas first, so the primary does not wait on a synchronous standby that is going away.
    const primaries = await Promise.all(nodes.map((node) => node.isPrimary()));
    await Promise.all(nodes.filter((_, n) => !primaries[n]).map((node) => node.stop()));
    await Promise.all(nodes.filter((_, n) => primaries[n]).map((node) => node.stop()));
    await etcd.stop();
  };
  try {
    await waitUntil(() => answersOk(`${clientUrl}/health`), 'etcd', 30_000);
    const binDir = postgresBinDir();
    for (let n = 1; n <= count; n++) {
      const member: PatroniMember = {
        name: `pg${n}`,
        folder: join(folder, `pg${n}`),
        port: await freePort(),
        restPort: await freePort(),
      };
      mkdirSync(member.folder, { recursive: true, mode: 0o700 });
      const configFile = join(member.folder, 'patroni.yml');
      writeFileSync(configFile, patroniConfig(member, clientUrl, binDir, secrets), { mode: 0o600 });
      giveTo(member.folder, account);
      const node = new PatroniNode(member, configFile, account);
      nodes.push(node);
      // The first node bootstraps (initdb) alone; the others then clone it.
      if (n === 1) await waitUntil(() => node.isPrimary(), 'the first PostgreSQL (Patroni bootstrap)', 120_000);
    }
    await waitUntil(
      async () => (await Promise.all(nodes.slice(1).map((node) => node.isReplica()))).every(Boolean),
      'the PostgreSQL replicas',
      120_000,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { etcd, nodes, secrets, stop };
}
