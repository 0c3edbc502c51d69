import { describe, expect, it } from 'vitest';
import type { FleetDevice, FleetPage, FleetState } from './fleet-api';
import { addToSummary, compareVersions, emptySummary, summarizeFleet } from './fleet-summary';

function device(state: FleetState, appVersion: string | null): FleetDevice {
  return {
    id: crypto.randomUUID(),
    facilityCode: '10010',
    facilityName: 'Trạm Y tế',
    name: 'Máy',
    appVersion,
    backlog: 0,
    auditBacklog: 0,
    quarantined: 0,
    firstSync: null,
    reportedAt: null,
    lastPullAt: null,
    lastPushAt: null,
    lastStreamAt: null,
    lastContactAt: '2026-12-03T12:00:00.000Z',
    enrolledAt: '2026-12-01T12:00:00.000Z',
    revokedAt: state === 'revoked' ? '2026-12-03T12:00:00.000Z' : null,
    state,
  };
}

describe('addToSummary', () => {
  it('counts PCs per state and per version, most common version first, revoked PCs in no version', () => {
    const summary = addToSummary(emptySummary(), [
      device('ok', '0.1.0'),
      device('ok', '0.2.0'),
      device('late', '0.2.0'),
      device('silent', null),
      device('revoked', '0.1.0'),
    ]);
    expect(summary.total).toBe(5);
    expect(summary.byState).toEqual({ ok: 2, late: 1, silent: 1, revoked: 1 });
    expect(summary.byVersion).toEqual([
      { version: '0.2.0', count: 2 },
      { version: '0.1.0', count: 1 },
      { version: null, count: 1 },
    ]);
  });

  it('adds page after page to the same counts', () => {
    const once = addToSummary(emptySummary(), [device('ok', '0.1.0')]);
    const twice = addToSummary(once, [device('ok', '0.1.0'), device('late', '0.1.0')]);
    expect(twice.byState.ok).toBe(2);
    expect(twice.byVersion).toEqual([{ version: '0.1.0', count: 3 }]);
    expect(once.byState.ok).toBe(1);
  });
});

describe('compareVersions', () => {
  it('compares numerically, part by part, an unknown version lowest', () => {
    expect(compareVersions('0.10.0', '0.9.1')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions(null, '0.0.1')).toBeLessThan(0);
  });
});

describe('summarizeFleet', () => {
  it('follows the cursor to the last page', async () => {
    const pages: Record<string, FleetPage> = {
      first: { devices: [device('ok', '0.1.0')], nextCursor: 'b', now: '', thresholds: dummy() },
      b: { devices: [device('silent', '0.1.0')], nextCursor: null, now: '', thresholds: dummy() },
    };
    const asked: (string | null)[] = [];
    const summary = await summarizeFleet((cursor) => {
      asked.push(cursor);
      return Promise.resolve(pages[cursor ?? 'first'] as FleetPage);
    });
    expect(asked).toEqual([null, 'b']);
    expect(summary?.total).toBe(2);
    expect(summary?.byState.silent).toBe(1);
  });

  it('gives up when cancelled', async () => {
    const page: FleetPage = { devices: [], nextCursor: 'again', now: '', thresholds: dummy() };
    expect(
      await summarizeFleet(
        () => Promise.resolve(page),
        () => true,
      ),
    ).toBeNull();
  });
});

function dummy() {
  return { lateAfterMinutes: 60, silentAfterHours: 24 };
}
