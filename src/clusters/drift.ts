/** A parameter value as the drift table compares it (the normalised value, not its display). */
export interface DriftCell {
  value: number | string | (number | string)[];
}

export interface DriftColumn {
  id: string;
  title: string;
  found: number;
  distinct: number;
  same: boolean;
}

/**
 * The drift table's columns for one concern: the parameters any implementation sets, how many set each,
 * how many different values they hold; a column where every implementation agrees collapses.
 */
export function driftColumns(
  parameters: { id: string; title: string }[],
  rows: Record<string, DriftCell | null>[],
): DriftColumn[] {
  return parameters.flatMap(({ id, title }) => {
    const cells = rows.map((row) => row[id] ?? null);
    const set = cells.filter((cell): cell is DriftCell => cell !== null);
    if (set.length === 0) return [];
    const distinct = new Set(set.map((cell) => JSON.stringify(cell.value))).size;
    return [{ id, title, found: set.length, distinct, same: distinct === 1 && set.length === rows.length }];
  });
}
