import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles electron/main and electron/preload into CommonJS files beside the renderer build.
 * The preload runs sandboxed and cannot require our modules, so it must be one file.
 */
export async function buildElectron(): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
  await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' });
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await buildElectron();
