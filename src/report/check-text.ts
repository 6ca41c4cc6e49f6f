import {
  type CheckFinding,
  type CheckResult,
  type ExistingCopy,
  percentAlike,
  whereText,
} from "../result/index.js";
import { printable } from "./printable.js";

/** Sentences every check renderer shares, so the terminal, Markdown, SARIF and annotations say the same. */

/** Where existing code is: an implementation by the places of its work (as the scan's views say it). */
export const place = (
  copy: Pick<ExistingCopy, "repo" | "path" | "startLine" | "endLine" | "units">,
): string => whereText(printable(`${copy.repo}/${copy.path}`), copy);

/** "your retry: attempts 5, base delay 200 ms; @acme/platform-kit: attempts 3, base delay 100 ms, jitter yes". */
export function policyLine(finding: CheckFinding): string | null {
  if (!finding.goldenPath || finding.parameters.every((parameter) => parameter.same)) return null;
  const side = (pick: (p: (typeof finding.parameters)[number]) => string | null) =>
    finding.parameters
      .flatMap((parameter) => {
        const value = pick(parameter);
        return value === null ? [] : [`${parameter.title} ${value}`];
      })
      .join(", ") || "none set";
  const name = finding.goldenPath.package ?? "the golden path";
  return `your ${finding.concern}: ${side((p) => p.yours)}; ${name}: ${side((p) => p.golden)}`;
}

/** One line per existing place: team, where, and (for a copy) how alike. */
export function existingLine(copy: ExistingCopy): string {
  const tags = [
    copy.golden ? "golden path" : null,
    copy.similarity === null ? null : similarityText(copy.similarity),
  ]
    .filter(Boolean)
    .join(", ");
  return `${copy.team}: ${place(copy)}${tags ? ` (${tags})` : ""}`;
}

export const similarityText = (similarity: number): string =>
  similarity >= 1 ? "identical" : `${percentAlike(similarity)}% similar`;

export function findingTitle(finding: CheckFinding): string {
  return finding.kind === "concern"
    ? `${finding.concernTitle ?? finding.concern} already exists in the org`
    : "Copy of another team's code";
}

/** "2 findings (1 warning, 1 note), 1 allowed" */
export function countLine(result: CheckResult): string {
  const warnings = result.findings.filter((f) => f.level === "warning").length;
  const notes = result.findings.length - warnings;
  const parts = [`${result.findings.length} finding${result.findings.length === 1 ? "" : "s"}`];
  if (result.findings.length > 0) {
    parts[0] += ` (${[warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : null, notes ? `${notes} note${notes === 1 ? "" : "s"}` : null].filter(Boolean).join(", ")})`;
  }
  if (result.allowed.length > 0) parts.push(`${result.allowed.length} allowed`);
  return parts.join(", ");
}

export function scopeLine(result: CheckResult): string {
  const head = result.head.workingTree ? `${result.head.ref} and the working tree` : result.head.ref;
  const { checked, units } = result.changed;
  return `${result.repo}: ${result.base.ref}...${head} · ${checked} changed source file${checked === 1 ? "" : "s"}, ${units} changed unit${units === 1 ? "" : "s"}`;
}
