import { describe, expect, it } from 'vitest';
import { encodeDeviceReport, parseDeviceReport, type DeviceReport } from './device-report';

const report: DeviceReport = {
  appVersion: '0.1.0',
  backlog: 12,
  auditBacklog: 3,
  quarantined: 1,
  firstSync: { done: 400, total: 2000 },
};

describe('the device report header', () => {
  it('reads back what it wrote', () => {
    expect(parseDeviceReport(encodeDeviceReport(report))).toEqual({ ok: true, report });
  });

  it('refuses text that is not JSON, unknown fields, negative counts and odd versions', () => {
    expect(parseDeviceReport('{').ok).toBe(false);
    expect(parseDeviceReport(JSON.stringify({ ...report, extra: 1 })).ok).toBe(false);
    expect(parseDeviceReport(JSON.stringify({ ...report, backlog: -1 })).ok).toBe(false);
    expect(parseDeviceReport(JSON.stringify({ ...report, appVersion: '1.0 <script>' })).ok).toBe(false);
  });
});
