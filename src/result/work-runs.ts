import type { Implementation } from "./schema.js";

/** A run of lines in an implementation's file. */
export interface LineRun {
  startLine: number;
  endLine: number;
}

/**
 * Work units closer than this many lines are shown as one run: a helper or a few blank lines between two
 * methods read better in place. Farther apart, the code between is not the concern's (a service's other
 * functions), and showing it would bury the work. At 20 no implementation of the example org splits; in a
 * company monorepo a quarter of them do (docs/concerns.md, "Where an implementation is").
 */
export const RUN_JOIN_GAP = 20;

/** An implementation, or anything placed like one: units without a role (a copy's) fall back to its lines. */
type Placed = Pick<Implementation, "startLine" | "endLine"> & {
  units: readonly (Pick<Implementation["units"][number], "kind" | "startLine" | "endLine"> & {
    role?: Implementation["units"][number]["role"];
    focus?: Implementation["units"][number]["focus"];
  })[];
};

/**
 * Where a unit of an implementation is: the runs of its `focus` when it has them (a long unit, where its
 * work is), else its own lines. The reader's places, the history and a pull request's check all read this.
 */
export function unitSpans(unit: LineRun & { focus?: readonly LineRun[] | undefined }): readonly LineRun[] {
  return unit.focus ?? [unit];
}

/**
 * The runs of lines a reader is pointed at for an implementation: the lines of the units that do its work
 * (of a long one, the runs where its work is: its `focus`), in file order, joined where they are less than
 * RUN_JOIN_GAP lines apart. An implementation's `startLine`-`endLine` runs from its first unit doing the
 * work to its last; in application code those can be a thousand lines apart, with a service's other code
 * between them.
 */
export function workRuns(impl: Placed): LineRun[] {
  const work = impl.units
    .filter((unit) => unit.role === "work" && unit.kind !== "type")
    .flatMap(unitSpans)
    .map((run) => ({ startLine: run.startLine, endLine: run.endLine }))
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  if (work.length === 0) return [{ startLine: impl.startLine, endLine: impl.endLine }];
  const runs: LineRun[] = [{ ...(work[0] as LineRun) }];
  for (const unit of work.slice(1)) {
    const last = runs.at(-1) as LineRun;
    if (unit.startLine <= last.endLine + RUN_JOIN_GAP + 1)
      last.endLine = Math.max(last.endLine, unit.endLine);
    else runs.push({ ...unit });
  }
  return runs;
}

/**
 * Where an implementation is, in a table cell: `path:12-80`, or for work in several places of its file
 * the first of them and how many more (`path:155-478 +4 more`).
 */
export function whereText(path: string, impl: Placed): string {
  const runs = workRuns(impl);
  const first = runs[0] as LineRun;
  const more = runs.length > 1 ? ` +${runs.length - 1} more` : "";
  return `${path}:${first.startLine}-${first.endLine}${more}`;
}

/** Every run of an implementation's work, for a tooltip or a note: `155-478, 763-844, 1519-1538`. */
export function runsText(impl: Placed): string {
  return workRuns(impl)
    .map((run) => `${run.startLine}-${run.endLine}`)
    .join(", ");
}
