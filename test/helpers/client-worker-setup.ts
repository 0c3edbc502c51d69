import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleClientWorker } from './client-worker-bundle';
import { oncePerRun } from './once-per-run';

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
  const bundle = await oncePerRun('client-worker', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sen-client-worker-'));
    const path = join(folder, 'client-worker.mjs');
    await bundleClientWorker(path);
    // Projects rerun together: one rebuild at a time, so no worker reads a half-written file.
    let rebuilt = Promise.resolve();
    const rebuild = (): Promise<void> => (rebuilt = rebuilt.then(() => bundleClientWorker(path)));
    return { value: { path, rebuild }, remove: () => rm(folder, { recursive: true, force: true }) };
  });
  project.provide('clientWorkerPath', bundle.value.path);
  project.onTestsRerun(bundle.value.rebuild);
  return bundle.release;
}
