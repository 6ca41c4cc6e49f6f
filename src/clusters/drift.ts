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

/** The value most implementations hold for a column (ties: the first seen), to highlight the others. */
export function commonValue(rows: Record<string, DriftCell | null>[], id: string): string | undefined {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const cell = row[id];
    if (!cell) continue;
    const key = JSON.stringify(cell.value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [key, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = key;
  return best;
}
