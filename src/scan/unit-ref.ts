import type { ImplementationDraft } from "../concerns/index.js";
import type { Unit } from "../lang/index.js";
import type { Implementation, UnitRef } from "../result/index.js";

/** A unit as the result names it: its name, kind and lines. */
export function unitRef(unit: Unit): UnitRef {
  return { name: unit.name, kind: unit.kind, startLine: unit.startLine, endLine: unit.endLine };
}

/**
 * A unit of an implementation as the result places it: doing the work or supporting it, and for a long
 * unit doing it, the runs of its lines where the work is.
 */
export function unitPlaced(
  draft: Pick<ImplementationDraft, "work" | "focus">,
  index: number,
  unit: Unit,
): Implementation["units"][number] {
  const role = draft.work.includes(index) ? ("work" as const) : ("support" as const);
  const focus = draft.focus?.find((entry) => entry.unit === index)?.runs;
  return { ...unitRef(unit), role, ...(focus ? { focus } : {}) };
}

/** Every unit of an implementation draft, placed as the result places it. */
export function placedUnits(
  draft: Pick<ImplementationDraft, "units" | "work" | "focus">,
  fileUnits: readonly Unit[],
): Implementation["units"] {
  return draft.units.map((index) => unitPlaced(draft, index, fileUnits[index] as Unit));
}
