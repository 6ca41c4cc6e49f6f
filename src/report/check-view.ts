import { createColors } from "picocolors";
import type { CheckFinding, CheckResult } from "../result/index.js";
import { countLine, existingLine, findingTitle, policyLine, scopeLine } from "./check-text.js";
import { printable } from "./printable.js";

/** Existing places listed per finding in the terminal; the JSON and Markdown keep them all. */
const SHOWN = 8;

function findingBlock(finding: CheckFinding, c: ReturnType<typeof createColors>): string[] {
  const { location } = finding;
  const level = finding.level === "warning" ? c.yellow("warning") : c.cyan("note");
  const lines = [
    `${level} ${c.bold(`${printable(location.path)}:${location.line}`)} ${findingTitle(finding)} ${c.dim(`[${finding.kind === "concern" ? finding.concern : "copy"}]`)}`,
    `  ${finding.what}`,
    `  ${c.dim("why:")} ${finding.why}`,
  ];
  const policy = policyLine(finding);
  if (policy) lines.push(`  ${c.dim("policy:")} ${policy}`);
  if (finding.existing.length > 0) {
    lines.push(`  ${c.dim("already in the org:")}`);
    for (const copy of finding.existing.slice(0, SHOWN)) lines.push(`    ${existingLine(copy)}`);
    if (finding.existing.length > SHOWN) lines.push(`    … and ${finding.existing.length - SHOWN} more`);
  }
  lines.push(`  ${c.dim("do:")} ${finding.action}`);
  if (finding.allowed) {
    lines.push(`  ${c.dim("allowed:")} ${finding.allowed.reason} (${finding.allowed.where})`);
  }
  return lines;
}

/** The terminal view of a check: each finding with what, why, where the work already is, and what to do. */
export function renderCheckView(result: CheckResult, options: { color: boolean }): string {
  const c = createColors(options.color);
  const out = [`lineitem check · ${scopeLine(result)}`, ""];
  if (result.findings.length === 0) {
    out.push(c.green("Nothing this change adds is already written elsewhere in the org."));
  }
  for (const finding of result.findings) out.push(...findingBlock(finding, c), "");
  if (result.allowed.length > 0) {
    out.push(c.bold("Allowed (decisions on record):"));
    for (const finding of result.allowed) {
      out.push(
        `  ${printable(finding.location.path)}:${finding.location.line} ${finding.kind === "concern" ? finding.concern : "copy"}: ${finding.allowed?.reason} (${finding.allowed?.where})`,
      );
    }
    out.push("");
  }
  for (const diagnostic of result.diagnostics.filter((d) => d.level === "warning")) {
    out.push(`${c.yellow("!")} ${diagnostic.message}`);
  }
  const index = result.index.scannedAt
    ? `the index ${result.index.where} (scan of ${result.index.scannedAt})`
    : `the index ${result.index.where}`;
  out.push(`${countLine(result)}; looked up in ${index}.`);
  return `${out.join("\n")}\n`;
}
