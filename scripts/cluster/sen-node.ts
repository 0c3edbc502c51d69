import { ClusterProcess } from './child-process';
import { answersOk, waitUntil } from './ports';

/** One stateless Sen server process (server/main.ts) on its own port. */
export class SenNode {
  process: ClusterProcess | undefined;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits until it answers /health. */
  async start(): Promise<void> {
    this.process = ClusterProcess.start(this.name, process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
    });
    await waitUntil(() => answersOk(`${this.url}/health`), `Sen ${this.name}`, 90_000);
  }

  async kill(): Promise<void> {
    await this.process?.kill();
  }

  async stop(): Promise<void> {
    await this.process?.stop('SIGTERM');
  }
}
