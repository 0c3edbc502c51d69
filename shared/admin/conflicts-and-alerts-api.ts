/** Shapes of the admin API's conflict and audit-alert answers, shared by the server and the console. */

/** One value that lost a merge, beside the value that stayed and the field's value now. */
export interface LostValueForAdmin {
  id: string;
  field: string;
  masterValue: unknown;
  losingValue: unknown;
  /** The field as the document holds it today (it may have moved on since) */
  currentValue: unknown;
  /** Who made the losing edit: the PC, the staff member and their PC's clock */
  deviceId: string | null;
  deviceName: string | null;
  staffId: string | null;
  staffName: string | null;
  clientTime: string | null;
  recordedAt: string;
  /** A sync admin may not read patient data: the values come as null, and this says so. */
  valuesHidden?: boolean;
}

/** A chain-break alert of a PC's audit trail (`GET /admin/v1/audit/alerts`). */
export interface AuditAlertRecord {
  id: string;
  deviceId: string;
  deviceName: string;
  facilityCode: string;
  kind: string;
  seq: number;
  details: unknown;
  detectedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  note: string | null;
}
