import { buildConsoleIfStale } from '../../scripts/build-console';
import { buildRendererIfStale } from '../../scripts/build-renderer';

/** The e2e tier drives the built renderer and the built admin console, as shipped. */
export default async function setup(): Promise<void> {
  await buildRendererIfStale();
  await buildConsoleIfStale();
}
