import { OPEN_COLLECTIONS } from 'rxdb';
import { afterAll } from 'vitest';
import { OPEN_ISOLATED_CLIENTS } from './isolated-client';

/**
 * Fails a test file that leaves an RxDB database open. An open database holds collections
 * against the open-source limit of 13 per process, so one test that forgets to close makes
 * every later test of the file fail with COL23 — and usually hides an unfinished close.
 * Registered before the file's own hooks, so it runs after them.
 */
afterAll(() => {
  const open = [...OPEN_COLLECTIONS].map((collection) => `${collection.database.name}/${collection.name}`);
  if (OPEN_ISOLATED_CLIENTS.size > 0) open.push(`${String(OPEN_ISOLATED_CLIENTS.size)} client worker(s)`);
  if (open.length > 0) throw new Error(`The test file left RxDB databases open: ${open.join(', ')}`);
});
