/**
 * A timestamptz column as ISO 8601 in UTC (`2026-12-02T14:03:10.361Z`), the form every admin
 * response uses. `::text` would give the session's text form (`2026-12-02 14:03:10.361+00`),
 * and the two drivers (PGlite, node-postgres) do not agree on parsing it, so the SQL says it.
 */
export function isoTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
