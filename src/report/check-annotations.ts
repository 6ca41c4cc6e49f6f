import type { CheckResult } from "../result/index.js";
import { findingTitle, place, policyLine } from "./check-text.js";

/** Workflow commands want %, CR and LF escaped in the message, and also : and , in properties. */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * GitHub workflow commands, one per finding: `::warning file=…,line=…,endLine=…,title=…::message`. GitHub
 * shows them on the pull request's changed lines. `root` is the repository's path from the workspace
 * (empty when the repository is the workspace).
 */
export function renderCheckAnnotations(result: CheckResult, root = ""): string {
  const prefix = root && !root.endsWith("/") ? `${root}/` : root;
  const lines = result.findings.map((finding) => {
    const { location } = finding;
    const message = [
      finding.what,
      finding.why,
      policyLine(finding),
      finding.existing.length > 0
        ? `Already in the org: ${finding.existing
            .slice(0, 5)
            .map((copy) => `${copy.team} ${place(copy)}`)
            .join("; ")}${finding.existing.length > 5 ? ` and ${finding.existing.length - 5} more` : ""}.`
        : null,
      finding.action,
    ]
      .filter(Boolean)
      .join("\n");
    const properties = [
      `file=${escapeProperty(prefix + location.path)}`,
      `line=${location.line}`,
      `endLine=${Math.max(location.line, location.endLine)}`,
      `title=${escapeProperty(`lineitem: ${findingTitle(finding)}`)}`,
    ].join(",");
    return `::${finding.level === "warning" ? "warning" : "notice"} ${properties}::${escapeData(message)}`;
  });
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
