import { resyncEvent, type ChangedCollections } from '../../shared/sync/resync-event';

/**
 * Announces changes on one device's live stream, gathering those that arrive in the same turn of
 * the event loop into one event: a push of several pages, or several facilities' writes
 * notified together, then wake the device once, naming every collection that changed.
 */
export function resyncAnnouncer(write: (text: string) => void): (collections: ChangedCollections) => void {
  let pending: Set<string> | 'all' | undefined;
  const flush = (): void => {
    const collections = pending === 'all' || pending === undefined ? null : [...pending].sort();
    pending = undefined;
    write(resyncEvent(collections));
  };
  return (collections) => {
    if (pending === undefined) {
      pending = new Set();
      setImmediate(flush);
    }
    if (collections === null) pending = 'all';
    else if (pending !== 'all') for (const collection of collections) pending.add(collection);
  };
}
