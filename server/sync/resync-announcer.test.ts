import { describe, expect, it } from 'vitest';
import { resyncAnnouncer } from './resync-announcer';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the live stream announcer', () => {
  it('gathers the changes of one turn into one event naming each collection once', async () => {
    const written: string[] = [];
    const announce = resyncAnnouncer((text) => written.push(text));
    announce(['patients']);
    announce(['encounters']);
    announce(['patients']);
    expect(written).toEqual([]);
    await nextTurn();
    expect(written).toEqual(['data: RESYNC\ncollections: encounters,patients\n\n']);
  });

  it('asks for everything when any change of the turn names no collection', async () => {
    const written: string[] = [];
    const announce = resyncAnnouncer((text) => written.push(text));
    announce(['patients']);
    announce(null);
    announce(['orders']);
    await nextTurn();
    expect(written).toEqual(['data: RESYNC\n\n']);
  });

  it('sends a later turn its own event', async () => {
    const written: string[] = [];
    const announce = resyncAnnouncer((text) => written.push(text));
    announce(['patients']);
    await nextTurn();
    announce(['orders']);
    await nextTurn();
    expect(written).toEqual(['data: RESYNC\ncollections: patients\n\n', 'data: RESYNC\ncollections: orders\n\n']);
  });
});
