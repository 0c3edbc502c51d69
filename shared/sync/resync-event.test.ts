import { describe, expect, it } from 'vitest';
import { asksFor, readResyncEvent, resyncEvent } from './resync-event';

const withoutTerminator = (event: string): string => event.replace(/\n\n$/, '');

describe('the live stream RESYNC event', () => {
  it('names the changed collections, and reads back what it named', () => {
    const event = resyncEvent(['patients', 'encounters']);
    expect(event).toBe('data: RESYNC\ncollections: patients,encounters\n\n');
    expect(readResyncEvent(withoutTerminator(event))).toEqual(['patients', 'encounters']);
  });

  it('asks for every collection when it names none (on connect, after lost notifications)', () => {
    expect(resyncEvent(null)).toBe('data: RESYNC\n\n');
    expect(resyncEvent([])).toBe('data: RESYNC\n\n');
    expect(readResyncEvent('data: RESYNC')).toBeNull();
    expect(readResyncEvent('data: RESYNC\ncollections: ')).toBeNull();
  });

  it('keeps the line an app from before the names looks for, so it still pulls everything', () => {
    const lines = withoutTerminator(resyncEvent(['orders'])).split('\n');
    expect(lines).toContain('data: RESYNC');
  });

  it('is not a RESYNC when it is a heartbeat comment', () => {
    expect(readResyncEvent(': keep-alive')).toBeUndefined();
  });

  it('answers a collection the event names, or any collection when it names none', () => {
    expect(asksFor(['patients'], 'patients')).toBe(true);
    expect(asksFor(['patients'], 'orders')).toBe(false);
    expect(asksFor(null, 'orders')).toBe(true);
  });
});
