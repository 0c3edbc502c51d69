import { describe, expect, it } from 'vitest';
import type { DeviceReport } from '../../shared/sync/device-report';
import { isMeaningfulReportChange } from './report-change';

const report = (changes: Partial<DeviceReport> = {}): DeviceReport => ({
  appVersion: '0.1.0',
  backlog: 120,
  auditBacklog: 0,
  quarantined: 0,
  firstSync: null,
  ...changes,
});

describe('isMeaningfulReportChange', () => {
  it('writes the first report seen and a new app version or quarantine count at once', () => {
    expect(isMeaningfulReportChange(undefined, report())).toBe(true);
    expect(isMeaningfulReportChange(report(), report({ appVersion: '0.2.0' }))).toBe(true);
    expect(isMeaningfulReportChange(report(), report({ quarantined: 1 }))).toBe(true);
  });

  it('writes a backlog that emptied or began, not one that only shrank', () => {
    expect(isMeaningfulReportChange(report({ backlog: 120 }), report({ backlog: 20 }))).toBe(false);
    expect(isMeaningfulReportChange(report({ backlog: 20 }), report({ backlog: 0 }))).toBe(true);
    expect(isMeaningfulReportChange(report({ backlog: 0 }), report({ backlog: 3 }))).toBe(true);
    expect(isMeaningfulReportChange(report({ auditBacklog: 5 }), report({ auditBacklog: 0 }))).toBe(true);
  });

  it('writes a first sync that started or finished, not its progress', () => {
    const progress = (done: number) => report({ firstSync: { done, total: 22_000 } });
    expect(isMeaningfulReportChange(report(), progress(0))).toBe(true);
    expect(isMeaningfulReportChange(progress(1_000), progress(2_000))).toBe(false);
    expect(isMeaningfulReportChange(progress(21_000), progress(22_000))).toBe(true);
    expect(isMeaningfulReportChange(progress(22_000), report())).toBe(false);
  });
});
