import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleClientWorker } from './client-worker-bundle';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The bundled client worker (isolated-client.ts), built afresh for every run. */
    clientWorkerPath: string | undefined;
  }
}

/**
 * Global setup of the tiers that run clients in workers: bundles the worker once per run, and
 * again before each rerun in watch mode so that a worker never runs stale sources.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(join(tmpdir(), 'sen-client-worker-'));
  const path = join(folder, 'client-worker.mjs');
  await bundleClientWorker(path);
  project.provide('clientWorkerPath', path);
  project.onTestsRerun(() => bundleClientWorker(path));
  return () => rm(folder, { recursive: true, force: true });
}
