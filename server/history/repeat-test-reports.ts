import type { RepeatTestReport } from '../../shared/history/history-request';
import type { SqlExecutor } from '../db/database';

/** Stores a PC's reports of repeat-test warnings; a report sent again (a retry) is kept once. */
export async function storeRepeatTestReports(
  database: SqlExecutor,
  device: { deviceId: string; facilityCode: string },
  reports: readonly RepeatTestReport[],
): Promise<void> {
  for (const report of reports) {
    await database.query(
      `INSERT INTO repeat_test_reports (id, facility_code, device_id, test_code, outcome, source,
                                        earlier_facility_code, client_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [
        report.id,
        device.facilityCode,
        device.deviceId,
        report.testCode,
        report.outcome,
        report.source,
        report.earlierFacilityCode,
        report.at,
      ],
    );
  }
}

export interface RepeatTestCounts {
  facilityCode: string;
  /** Every warning a doctor saw and acted on: ordered anyway plus avoided */
  warningsShown: number;
  testsAvoided: number;
  orderedAnyway: number;
  /** Of the warnings shown, those about a result made at another facility */
  fromOtherFacilities: number;
}

/** The counts per facility (one facility when given), in facility order. */
export async function countRepeatTests(database: SqlExecutor, facility: string | null): Promise<RepeatTestCounts[]> {
  return database.query<RepeatTestCounts>(
    `SELECT facility_code AS "facilityCode", count(*)::int AS "warningsShown",
            (count(*) FILTER (WHERE outcome = 'avoided'))::int AS "testsAvoided",
            (count(*) FILTER (WHERE outcome = 'ordered'))::int AS "orderedAnyway",
            (count(*) FILTER (WHERE source = 'foreign'))::int AS "fromOtherFacilities"
     FROM repeat_test_reports WHERE ($1::text IS NULL OR facility_code = $1)
     GROUP BY facility_code ORDER BY facility_code`,
    [facility],
  );
}
