import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPostgresTemplate, migratedPgliteDump } from './database-template';
import { oncePerRun } from './once-per-run';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated PGlite data folder as a tarball on disk, when tests run on PGlite. */
    pgliteTemplatePath: string | undefined;
    /** The migrated template database, when tests run on PostgreSQL (SEN_TEST_DATABASE_URL). */
    postgresTemplateName: string | undefined;
  }
}

type Template = { engine: 'pglite'; path: string } | { engine: 'postgres'; name: string };

/**
 * Global setup of the tiers that start servers: runs the migrations once for the whole run,
 * on the engine the tests use, and hands each test file the result to copy
 * (test/helpers/test-database.ts). Removed again when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.SEN_TEST_DATABASE_URL;
  const template = await oncePerRun(`database-template.${serverUrl ?? 'pglite'}`, () =>
    serverUrl ? postgresTemplate(serverUrl) : pgliteTemplate(),
  );
  project.provide('pgliteTemplatePath', template.value.engine === 'pglite' ? template.value.path : undefined);
  project.provide('postgresTemplateName', template.value.engine === 'postgres' ? template.value.name : undefined);
  return template.release;
}

async function postgresTemplate(serverUrl: string): Promise<{ value: Template; remove: () => Promise<void> }> {
  const { name, drop } = await createPostgresTemplate(serverUrl);
  return { value: { engine: 'postgres', name }, remove: drop };
}

async function pgliteTemplate(): Promise<{ value: Template; remove: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'sen-pglite-template-'));
  const path = join(folder, 'migrated.tar');
  await writeFile(path, new Uint8Array(await (await migratedPgliteDump()).arrayBuffer()));
  return { value: { engine: 'pglite', path }, remove: () => rm(folder, { recursive: true, force: true }) };
}
