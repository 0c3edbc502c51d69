import { buildIfStale } from './build-if-stale';

export const RENDERER_DIST = 'dist/renderer';

/** Builds the renderer with Vite unless the build is newer than every source file. */
export function buildRendererIfStale(): Promise<void> {
  return buildIfStale({ configFile: 'vite.config.ts', dist: RENDERER_DIST, sources: ['renderer', 'shared'] });
}
