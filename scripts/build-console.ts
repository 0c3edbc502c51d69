import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const SOURCES = ['console', 'shared'];
export const CONSOLE_DIST = 'dist/console';

/** Builds the admin console with Vite unless the build is newer than every source file. */
export async function buildConsoleIfStale(): Promise<void> {
  const builtIndex = join(CONSOLE_DIST, 'index.html');
  if (existsSync(builtIndex) && newestSourceTime() < statSync(builtIndex).mtimeMs) return;
  await build({ configFile: 'vite.console.config.ts', logLevel: 'warn' });
}

function newestSourceTime(): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of SOURCES) visit(source);
  return newest;
}
