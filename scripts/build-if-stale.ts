import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/**
 * Builds a Vite app (its config file) into `dist` unless the built index.html is newer than
 * every file under `sources`: tests and `npm start` rebuild only what changed.
 */
export async function buildIfStale(app: { configFile: string; dist: string; sources: string[] }): Promise<void> {
  const builtIndex = join(app.dist, 'index.html');
  if (existsSync(builtIndex) && newestSourceTime(app.sources) < statSync(builtIndex).mtimeMs) return;
  await build({ configFile: app.configFile, logLevel: 'warn' });
}

function newestSourceTime(sources: string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of sources) visit(source);
  return newest;
}
