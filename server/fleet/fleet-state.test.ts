import { describe, expect, it } from 'vitest';
import { DEFAULT_FLEET_THRESHOLDS, FLEET_STATES, fleetState, stateWindow, type FleetState } from './fleet-state';

const now = new Date('2026-12-03T12:00:00.000Z');
const minutesAgo = (minutes: number): Date => new Date(now.getTime() - minutes * 60_000);

function inWindow(state: FleetState, lastContactAt: Date, revoked: boolean): boolean {
  const window = stateWindow(state, now, DEFAULT_FLEET_THRESHOLDS);
  if (window.revoked !== revoked) return false;
  if (revoked) return true;
  if (window.contactFrom && lastContactAt < window.contactFrom) return false;
  if (window.contactBefore && lastContactAt >= window.contactBefore) return false;
  return true;
}

describe('fleetState', () => {
  it('is ok within the hour, late after it, silent after a day (by default)', () => {
    const state = (minutes: number): FleetState =>
      fleetState({ lastContactAt: minutesAgo(minutes), revokedAt: null }, now, DEFAULT_FLEET_THRESHOLDS);
    expect(state(0)).toBe('ok');
    expect(state(60)).toBe('ok');
    expect(state(61)).toBe('late');
    expect(state(24 * 60)).toBe('late');
    expect(state(24 * 60 + 1)).toBe('silent');
    // The PC's clock plays no part; a contact "in the future" (a server clock set back) is ok.
    expect(state(-30)).toBe('ok');
  });

  it('says revoked whatever the times', () => {
    expect(fleetState({ lastContactAt: minutesAgo(0), revokedAt: minutesAgo(5) }, now, DEFAULT_FLEET_THRESHOLDS)).toBe(
      'revoked',
    );
  });

  it('follows configured thresholds, a silent one shorter than the late one leaving no late state', () => {
    const thresholds = { lateAfterMinutes: 10, silentAfterHours: 2 };
    expect(fleetState({ lastContactAt: minutesAgo(11), revokedAt: null }, now, thresholds)).toBe('late');
    expect(fleetState({ lastContactAt: minutesAgo(121), revokedAt: null }, now, thresholds)).toBe('silent');
    const inverted = { lateAfterMinutes: 180, silentAfterHours: 1 };
    expect(fleetState({ lastContactAt: minutesAgo(120), revokedAt: null }, now, inverted)).toBe('ok');
    expect(fleetState({ lastContactAt: minutesAgo(181), revokedAt: null }, now, inverted)).toBe('silent');
  });

  it('agrees with the SQL windows: every PC is in the window of its state and of no other', () => {
    for (const minutes of [-5, 0, 59, 60, 61, 600, 1439, 1440, 1441, 10_000]) {
      for (const revoked of [false, true]) {
        const lastContactAt = minutesAgo(minutes);
        const state = fleetState({ lastContactAt, revokedAt: revoked ? now : null }, now, DEFAULT_FLEET_THRESHOLDS);
        const matching = FLEET_STATES.filter((candidate) => inWindow(candidate, lastContactAt, revoked));
        expect(matching, `${String(minutes)} min, revoked ${String(revoked)}`).toEqual([state]);
      }
    }
  });
});
