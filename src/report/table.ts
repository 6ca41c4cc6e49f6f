// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI colour codes is the point
const ANSI = /\x1b\[[0-9;]*m/g;

/** Text as it shows on a terminal: colour codes take no columns. */
export const visible = (text: string): string => text.replace(ANSI, "");

/** Column-aligned text rows. Widths count code points, which is right for the paths and names we print. */
export function alignColumns(
  rows: string[][],
  rightAligned: ReadonlySet<number> = new Set(),
  visible = (s: string) => s,
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...visible(cell)].length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - [...visible(cell)].length);
        if (i === row.length - 1 && !rightAligned.has(i)) return cell;
        return rightAligned.has(i) ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}
