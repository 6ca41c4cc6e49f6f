import type { createColors } from "picocolors";
import type { ConcernCluster } from "../result/index.js";
import { alignColumns } from "./table.js";

type Colors = ReturnType<typeof createColors>;

/** Cells wider than this are cut with an ellipsis (lists of keys and codes); --json has them whole. */
const CELL_WIDTH = 30;

function cut(text: string): string {
  return [...text].length > CELL_WIDTH ? `${[...text].slice(0, CELL_WIDTH - 1).join("")}…` : text;
}

/**
 * The drift table: one row per implementation, one column per parameter some implementation sets, "—"
 * where it sets none. A value that differs from the reference (the golden path's, else the most common)
 * is highlighted; a column every implementation agrees on collapses into one line.
 */
export function driftLines(cluster: ConcernCluster, c: Colors, visible: (text: string) => string): string[] {
  const shown = cluster.drift.filter((column) => !column.same);
  const agreed = cluster.drift.filter((column) => column.same);
  if (cluster.drift.length === 0) return [];
  const ordered = [...cluster.implementations].sort((a, b) => Number(b.golden) - Number(a.golden));
  const golden = ordered.find((impl) => impl.golden);
  const reference = (id: string): string | undefined => {
    const own = golden?.parameters[id];
    if (own) return JSON.stringify(own.value);
    const counts = new Map<string, number>();
    for (const impl of ordered) {
      const cell = impl.parameters[id];
      if (cell) counts.set(JSON.stringify(cell.value), (counts.get(JSON.stringify(cell.value)) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const lines: string[] = [];
  if (shown.length) {
    const refs = new Map(shown.map((column) => [column.id, reference(column.id)]));
    const header = ["", c.dim("drift"), ...shown.map((column) => c.dim(column.title))];
    const rows = ordered.map((impl) => [
      impl.golden ? c.green("★") : " ",
      impl.team,
      ...shown.map((column) => {
        const cell = impl.parameters[column.id];
        if (!cell) return c.dim("—");
        const text = cut(cell.display);
        return JSON.stringify(cell.value) === refs.get(column.id) ? text : c.yellow(text);
      }),
    ]);
    lines.push(...alignColumns([header, ...rows], new Set(), visible).map((line) => `  ${line}`));
  }
  if (agreed.length) {
    const values = agreed.map((column) => {
      const cell = ordered.map((impl) => impl.parameters[column.id]).find(Boolean);
      return `${column.title} ${cut(cell?.display ?? "")}`;
    });
    lines.push(`  ${c.dim("same everywhere:")} ${values.join(" · ")}`);
  }
  return lines;
}
