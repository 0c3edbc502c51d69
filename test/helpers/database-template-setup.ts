import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPostgresTemplate, migratedPgliteDump } from './database-template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated PGlite data folder as a tarball on disk, when tests run on PGlite. */
    pgliteTemplatePath: string | undefined;
    /** The migrated template database, when tests run on PostgreSQL (SEN_TEST_DATABASE_URL). */
    postgresTemplateName: string | undefined;
  }
}

/**
 * Global setup of the tiers that start servers: runs the migrations once for the whole run,
 * on the engine the tests use, and hands each test file the result to copy
 * (test/helpers/test-database.ts). Removed again when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.SEN_TEST_DATABASE_URL;
  if (serverUrl) {
    const template = await createPostgresTemplate(serverUrl);
    project.provide('pgliteTemplatePath', undefined);
    project.provide('postgresTemplateName', template.name);
    return template.drop;
  }
  const folder = await mkdtemp(join(tmpdir(), 'sen-pglite-template-'));
  const path = join(folder, 'migrated.tar');
  await writeFile(path, new Uint8Array(await (await migratedPgliteDump()).arrayBuffer()));
  project.provide('pgliteTemplatePath', path);
  project.provide('postgresTemplateName', undefined);
  return () => rm(folder, { recursive: true, force: true });
}
