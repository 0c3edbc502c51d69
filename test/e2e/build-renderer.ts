import { buildRendererIfStale } from '../../scripts/build-renderer';

/** The e2e tier drives the built renderer, as shipped. */
export default async function setup(): Promise<void> {
  await buildRendererIfStale();
}
