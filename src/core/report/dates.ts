/** Date helpers for the report; ISO -> serial is the shared calendar's, so both sides agree on the epoch. */
import { isoToSerial as calendarIsoToSerial } from '../calendar';

/** ISO "YYYY-MM-DD" (or null) -> Excel serial in the 1900 system; null when absent or unreadable. */
export function isoToSerial(iso: string | null): number | null {
  return iso === null ? null : calendarIsoToSerial(iso);
}

/** "2026-04-01T09:15:00.000Z" -> "2026-04-01 09:15 UTC"; anything else is shown as given. */
export function formatTimestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
