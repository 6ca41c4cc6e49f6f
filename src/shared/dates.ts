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
