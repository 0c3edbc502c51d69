import { describe, expect, it } from 'vitest';
import { backupFileName, isBackupDue, nextBackupAt } from './backup-schedule';

describe('the backup schedule', () => {
  it('is due at once after set-up, then a day after each backup that succeeded', () => {
    const setUp = '2026-12-03T08:00:00.000Z';
    expect(nextBackupAt(null, setUp).toISOString()).toBe(setUp);
    expect(nextBackupAt('2026-12-03T09:30:00.000Z', setUp).toISOString()).toBe('2026-12-04T09:30:00.000Z');
    expect(nextBackupAt('2026-12-03T09:30:00.000Z', setUp, 6).toISOString()).toBe('2026-12-03T15:30:00.000Z');
  });

  it('is due from the time it names', () => {
    const next = new Date('2026-12-04T09:30:00.000Z');
    expect(isBackupDue(new Date('2026-12-04T09:29:59.999Z'), next)).toBe(false);
    expect(isBackupDue(next, next)).toBe(true);
  });

  it('names files by facility and time', () => {
    expect(backupFileName('79001', new Date('2026-12-03T09:05:00.000Z'))).toBe('sen-79001-20261203-0905.senbak');
  });
});
