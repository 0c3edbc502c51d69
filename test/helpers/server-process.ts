import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait-for';

/**
 * The provincial server as its own OS process (`tsx server/main.ts`), so that a test can kill it
 * with SIGKILL in the middle of a transaction and start it again on the same data.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'sen-server-'));

  private constructor(
    readonly port: number,
    private readonly databaseUrl: string | undefined,
  ) {}

  static async start(databaseUrl?: string): Promise<ServerProcess> {
    const server = new ServerProcess(await freePort(), databaseUrl);
    await server.restart();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      SEN_DEMO: '1',
      SEN_DATA_DIR: this.dataDir,
      LOG_LEVEL: 'error',
    };
    if (this.databaseUrl) env.DATABASE_URL = this.databaseUrl;
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(
      async () => (await fetch(`${this.url}/health`).catch(() => null))?.ok === true,
      'the server answers',
      60_000,
    );
  }

  /** SIGKILL: no shutdown hooks, no flush, a transaction possibly half done. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
