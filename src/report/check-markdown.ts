import type { CheckFinding, CheckResult } from "../result/index.js";
import { countLine, existingLine, findingTitle, policyLine, scopeLine } from "./check-text.js";

/** A table cell or inline text: pipes and newlines would break the table. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** GitHub refuses comments over 65,536 characters; the rest is said to be in the JSON or SARIF. */
const MAX_CHARS = 60_000;

function findingSection(finding: CheckFinding): string[] {
  const { location } = finding;
  const icon = finding.level === "warning" ? "⚠️" : "ℹ️";
  const lines = [
    `### ${icon} ${findingTitle(finding)}: \`${location.path}:${location.line}\``,
    "",
    `**What:** ${finding.what}`,
    "",
    `**Why:** ${finding.why}`,
    "",
  ];
  const policy = policyLine(finding);
  if (finding.parameters.length > 0 && finding.goldenPath) {
    lines.push(
      `| parameter | yours | ${cell(finding.goldenPath.package ?? "golden path")} |`,
      "|---|---|---|",
    );
    for (const parameter of finding.parameters) {
      const mark = parameter.same ? "" : " ≠";
      lines.push(
        `| ${cell(parameter.title)}${mark} | ${cell(parameter.yours ?? "—")} | ${cell(parameter.golden ?? "—")} |`,
      );
    }
    lines.push("");
  } else if (policy) {
    lines.push(`**Policy:** ${policy}`, "");
  }
  if (finding.existing.length > 0) {
    lines.push("<details><summary>Already in the org</summary>", "");
    for (const copy of finding.existing) lines.push(`- ${cell(existingLine(copy))}`);
    lines.push("", "</details>", "");
  }
  lines.push(`**What to do:** ${finding.action}`, "");
  return lines;
}

/** Markdown for a pull-request comment or a job summary: a heading, then each finding. */
export function renderCheckMarkdown(result: CheckResult): string {
  const out = [`## lineitem check: ${countLine(result)}`, "", `${scopeLine(result)}.`, ""];
  if (result.findings.length === 0) {
    out.push("Nothing this change adds is already written elsewhere in the org. ✅", "");
  }
  let length = out.join("\n").length;
  let omitted = 0;
  for (const finding of result.findings) {
    const section = findingSection(finding);
    const size = section.join("\n").length;
    if (length + size > MAX_CHARS) {
      omitted += 1;
      continue;
    }
    out.push(...section);
    length += size;
  }
  if (omitted > 0)
    out.push(`_${omitted} more findings did not fit in a comment: see the JSON or SARIF output._`, "");
  if (result.allowed.length > 0) {
    out.push("<details><summary>Allowed (decisions on record)</summary>", "");
    for (const finding of result.allowed) {
      out.push(
        `- \`${finding.location.path}:${finding.location.line}\` ${finding.kind === "concern" ? finding.concern : "copy"}: ${cell(finding.allowed?.reason ?? "")} (${cell(finding.allowed?.where ?? "")})`,
      );
    }
    out.push("", "</details>", "");
  }
  for (const diagnostic of result.diagnostics.filter((d) => d.level === "warning")) {
    out.push(`> ${cell(diagnostic.message)}`, "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
