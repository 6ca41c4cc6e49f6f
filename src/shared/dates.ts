/** `2024-07-15T10:00:00+02:00` → `2024-Q3` (calendar quarters, in the timestamp's own UTC date). */
export function quarterOf(isoDate: string): string {
  const date = new Date(isoDate);
  const quarter = Math.floor(date.getUTCMonth() / 3) + 1;
  return `${date.getUTCFullYear()}-Q${quarter}`;
}

/** The calendar day (UTC) of an ISO timestamp, as `YYYY-MM-DD`. */
export function dayOf(isoDate: string): string {
  return new Date(isoDate).toISOString().slice(0, 10);
}

/** Whether `YYYY-MM-DD` names a day the calendar has (not 2025-02-30, not 2025-13-01). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
