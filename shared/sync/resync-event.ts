import { RESYNC_EVENT } from './protocol';

/**
 * The live stream's RESYNC event, naming the collections that changed when the server knows
 * them. The names travel in a field of their own (`collections: a,b`), which the event-stream
 * format lets a reader ignore: an app from before it still sees `data: RESYNC` and pulls every
 * collection, as it always did; a newer one pulls only what changed (a push to one collection
 * used to make every PC of the facility pull all nine).
 */
const COLLECTIONS_FIELD = 'collections';

/** `null`: anything may have changed (on connect, or after notifications were lost). */
export type ChangedCollections = readonly string[] | null;

/** The event's text, with its blank-line terminator. */
export function resyncEvent(collections: ChangedCollections): string {
  const named = collections && collections.length > 0 ? `${COLLECTIONS_FIELD}: ${collections.join(',')}\n` : '';
  return `data: ${RESYNC_EVENT}\n${named}\n`;
}

/**
 * What one event (its lines, without the blank line) asks for: `undefined` when it is not a
 * RESYNC (a heartbeat comment), otherwise the collections it names or `null` for all of them.
 */
export function readResyncEvent(event: string): ChangedCollections | undefined {
  const lines = event.split('\n');
  if (!lines.includes(`data: ${RESYNC_EVENT}`)) return undefined;
  const field = lines.find((line) => line.startsWith(`${COLLECTIONS_FIELD}:`));
  if (!field) return null;
  const names = field
    .slice(COLLECTIONS_FIELD.length + 1)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 ? names : null;
}

/** Whether a pull of `collection` answers the event. */
export function asksFor(collections: ChangedCollections, collection: string): boolean {
  return collections === null || collections.includes(collection);
}
