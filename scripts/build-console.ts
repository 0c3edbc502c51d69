import { buildIfStale } from './build-if-stale';

export const CONSOLE_DIST = 'dist/console';

/** Builds the admin console with Vite unless the build is newer than every source file. */
export function buildConsoleIfStale(): Promise<void> {
  return buildIfStale({ configFile: 'vite.console.config.ts', dist: CONSOLE_DIST, sources: ['console', 'shared'] });
}
