// A unit's source as a labeller reads it: numbered lines, a class's methods folded to one line each (they
// are units of their own), cut at `maxLines`. Never what lineitem predicts: labels are made blind.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * `units`: every unit of the org (devsetUnits), to find a class's methods; `sources`: a Map the caller
 * keeps, so each file is read once. Returns the lines to print, the heading first.
 */
export function unitSource(unit, units, orgDir, maxLines, sources) {
  const file = join(orgDir, unit.repo, unit.path);
  if (!sources.has(file)) sources.set(file, readFileSync(file, "utf8").split("\n"));
  const nested =
    unit.kind === "class"
      ? units.filter(
          (u) =>
            u.repo === unit.repo &&
            u.path === unit.path &&
            u !== unit &&
            u.startLine >= unit.startLine &&
            u.endLine <= unit.endLine,
        )
      : [];
  const text = sources.get(file);
  const shown = [];
  for (let line = unit.startLine; line <= unit.endLine && shown.length < maxLines; line++) {
    const inner = nested.find((u) => u.startLine === line);
    if (inner) {
      shown.push(
        `${String(line).padStart(5)}  [${inner.kind} ${inner.name}, lines ${inner.startLine}-${inner.endLine}]`,
      );
      line = inner.endLine;
      continue;
    }
    shown.push(`${String(line).padStart(5)}  ${(text[line - 1] ?? "").slice(0, 240)}`);
  }
  const total = unit.endLine - unit.startLine + 1;
  return [
    `===== ${unit.key} (${unit.kind}, lines ${unit.startLine}-${unit.endLine})`,
    ...shown,
    ...(shown.length >= maxLines && total > maxLines ? ["      … more lines"] : []),
  ];
}
