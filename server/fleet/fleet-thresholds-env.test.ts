import { describe, expect, it } from 'vitest';
import { DEFAULT_FLEET_THRESHOLDS } from './fleet-state';
import { fleetThresholdsFromEnvironment } from './fleet-thresholds-env';

describe('fleetThresholdsFromEnvironment', () => {
  it('takes the defaults when nothing is set, and the values that are', () => {
    expect(fleetThresholdsFromEnvironment({})).toEqual(DEFAULT_FLEET_THRESHOLDS);
    expect(fleetThresholdsFromEnvironment({ SEN_FLEET_LATE_MINUTES: '15', SEN_FLEET_SILENT_HOURS: '48' })).toEqual({
      lateAfterMinutes: 15,
      silentAfterHours: 48,
    });
  });

  it('refuses a value that is not a positive number', () => {
    expect(() => fleetThresholdsFromEnvironment({ SEN_FLEET_SILENT_HOURS: 'mười' })).toThrow(/SEN_FLEET_SILENT_HOURS/);
    expect(() => fleetThresholdsFromEnvironment({ SEN_FLEET_LATE_MINUTES: '0' })).toThrow(/SEN_FLEET_LATE_MINUTES/);
  });
});
