import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { chownSync, closeSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PostgreSQL refuses to run as root, and Patroni runs PostgreSQL: when the script itself runs as
 * root (a fresh server, CI), both run as the `postgres` system account, owning their folders.
 */
export interface RunAs {
  uid: number;
  gid: number;
}

export function databaseAccount(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Gives the folder and everything in it to the account (nothing to do when not root). */
export function giveTo(path: string, account: RunAs | undefined): void {
  if (!account) return;
  chownSync(path, account.uid, account.gid);
  if (!statSync(path).isDirectory()) return;
  for (const name of readdirSync(path)) giveTo(join(path, name), account);
}

/** A process the cluster started, stopped gently or killed outright, and awaited either way. */
export class ClusterProcess {
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static start(
    name: string,
    command: string,
    args: readonly string[],
    options: SpawnOptions & { account?: RunAs | undefined; logFile?: string } = {},
  ): ClusterProcess {
    const { account, logFile, ...spawnOptions } = options;
    // A log file of its own for the chatty engines (PostgreSQL, Patroni, etcd, HAProxy); a Sen
    // node writes to the terminal, where its errors are wanted.
    const log = logFile ? openSync(logFile, 'a') : undefined;
    const child = spawn(command, [...args], {
      stdio: ['ignore', log ?? 'inherit', log ?? 'inherit'],
      // A process group of its own: Ctrl-C reaches the script only, which stops the parts in
      // order (Sen nodes before the database), instead of every part at once.
      detached: true,
      ...spawnOptions,
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
    });
    if (log !== undefined) closeSync(log);
    child.once('error', (error) => console.error(`${name}: ${error.message}`));
    return new ClusterProcess(name, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: what a power cut or an out-of-memory kill does. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** The signal the program shuts down cleanly on; SIGKILL if it has not after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 20_000): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
