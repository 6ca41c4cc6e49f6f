import picomatch from "picomatch";
import type { LineitemConfig } from "../config/index.js";
import type { Allowance, CheckFinding } from "../result/index.js";
import type { DiagnosticLog } from "../shared/index.js";
import type { CheckedFile } from "./check-read.js";

/** `lineitem-ignore retry -- the vendor SDK needs its own backoff`, in any language's comment. */
const IGNORE = /lineitem-ignore[ \t]+([A-Za-z0-9_.*-]+)(?:[ \t]+--[ \t]*(.*?))?[ \t]*(?:\*\/|-->|%>)?[ \t]*$/;

/** How far above a unit's first line an ignore comment may sit (a doc comment or decorators between). */
const LINES_ABOVE = 3;

const covers = (target: string, finding: CheckFinding): boolean =>
  target === "*" || target === (finding.kind === "copy" ? "copy" : finding.concern);

/**
 * Splits findings into those to report and those allowed: by a `lineitem-ignore <concern> -- reason`
 * comment on the unit's first line or just above it, or by a `check.allow` entry in the config. An
 * allowance without a reason is not honoured (a deliberate copy is a decision on record), and says so.
 */
export function applyAllowances(
  findings: readonly CheckFinding[],
  files: readonly CheckedFile[],
  config: LineitemConfig,
  configFile: string | null,
  log: DiagnosticLog,
): { findings: CheckFinding[]; allowed: CheckFinding[] } {
  const byPath = new Map(files.map((file) => [`${file.repo}\0${file.path}`, file]));
  const rules = config.check.allow.map((rule, position) => ({
    rule,
    position,
    match: picomatch(rule.path, { dot: true }),
  }));
  const warned = new Set<string>();
  const kept: CheckFinding[] = [];
  const allowed: CheckFinding[] = [];
  for (const finding of findings) {
    const { repo, path } = finding.location;
    let allowance: Allowance | null = null;
    const file = byPath.get(`${repo}\0${path}`);
    const starts = [...new Set(finding.location.units.map((unit) => unit.startLine))];
    for (const start of file ? starts : []) {
      for (let line = start; line >= Math.max(1, start - LINES_ABOVE) && !allowance; line--) {
        const match = IGNORE.exec(file?.lines[line - 1] ?? "");
        if (!match || !covers(match[1] as string, finding)) continue;
        const reason = (match[2] ?? "").trim();
        if (reason) {
          allowance = { source: "comment", reason, where: `${path}:${line}` };
        } else if (!warned.has(`${path}:${line}`)) {
          warned.add(`${path}:${line}`);
          log.warn(
            "check-ignore-reason",
            `${path}:${line}: lineitem-ignore ${match[1]} has no reason, so it is not honoured; write it as \`lineitem-ignore ${match[1]} -- <why this copy is deliberate>\`.`,
            { repo, file: path, line },
          );
        }
      }
      if (allowance) break;
    }
    if (!allowance) {
      const entry = rules.find(
        ({ rule, match }) =>
          covers(rule.concern, finding) && (rule.repo === undefined || rule.repo === repo) && match(path),
      );
      if (entry) {
        allowance = {
          source: "config",
          reason: entry.rule.reason,
          where: `${configFile ?? "lineitem.config.yaml"}: check.allow[${entry.position}]`,
        };
      }
    }
    if (allowance) allowed.push({ ...finding, allowed: allowance });
    else kept.push(finding);
  }
  return { findings: kept, allowed };
}
