import type { Unit } from "./unit.js";
import { FLAG, type UnitBuilder, type UnitHeader } from "./unit-builder.js";

/** A function, method or class found at module level, with the walk that fills its features. */
export interface UnitPlan extends UnitHeader {
  emit(): void;
}

/** A module-level statement that is neither an import nor a definition; adjacent ones form one block. */
export interface StatementPlan {
  /** Names the statement declares, in order (`client`, `module.exports`); the block is named after the first. */
  declares: readonly string[];
  /** The declared names that name types (Go `type` specs) rather than values. */
  types?: readonly string[];
  exported: boolean;
  startLine: number;
  endLine: number;
  emit(): void;
}

export type TopPlan =
  | { kind: "unit"; unit: UnitPlan }
  | { kind: "statement"; statement: StatementPlan }
  /** Imports, type-only declarations and unreadable regions end the current block. */
  | { kind: "break" };

const KIND_RANK = { class: 0, block: 1, function: 1, type: 1, method: 2 } as const;

/**
 * Turns an adapter's module-level plan into units: each definition becomes a unit, each run of adjacent
 * statements one `block` unit. The builder is shared, so every `emit` must run between begin and finish.
 */
export function assembleUnits(plans: Iterable<TopPlan>, builder: UnitBuilder): Unit[] {
  const units: Unit[] = [];
  let run: StatementPlan[] = [];
  const flush = (): void => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first === undefined || last === undefined) return;
    builder.begin();
    let name: string | undefined;
    let exported = false;
    const declares: string[] = [];
    const types: string[] = [];
    for (const statement of run) {
      statement.emit();
      name ??= statement.declares[0];
      declares.push(...statement.declares);
      types.push(...(statement.types ?? []));
      exported ||= statement.exported;
    }
    units.push(
      builder.finish({
        name: name ?? "<module>",
        kind: "block",
        startLine: first.startLine,
        endLine: last.endLine,
        flags: exported ? FLAG.exported : 0,
        declares,
        types,
      }),
    );
    run = [];
  };
  for (const plan of plans) {
    if (plan.kind === "statement") {
      run.push(plan.statement);
      continue;
    }
    flush();
    if (plan.kind === "unit") {
      builder.begin();
      plan.unit.emit();
      units.push(builder.finish(plan.unit));
    }
  }
  flush();
  // Stable: a class stays ahead of a method that starts on its first line.
  return units.sort((a, b) => a.startLine - b.startLine || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}
