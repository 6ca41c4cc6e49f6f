import { type CheckFinding, type CheckResult, workRuns } from "../result/index.js";
import { findingTitle, place, policyLine } from "./check-text.js";

/**
 * GitHub code scanning's limits (docs.github.com, "SARIF results exceed limit"): 25,000 results per run of
 * which the top 5,000 are kept, and 1,000 locations per result of which 100 are shown. lineitem stays under
 * the kept and shown figures, so nothing it writes is dropped silently.
 */
export const SARIF_LIMITS = { results: 5000, relatedLocations: 100 } as const;

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** The rule of a finding: one per concern, and one for copies. */
const ruleIdOf = (finding: CheckFinding) =>
  finding.kind === "concern" ? `lineitem/concern/${finding.concern}` : "lineitem/copy";

function rulesOf(findings: readonly CheckFinding[]) {
  const rules = new Map<string, object>();
  for (const finding of findings) {
    const id = ruleIdOf(finding);
    if (rules.has(id)) continue;
    rules.set(
      id,
      finding.kind === "concern"
        ? {
            id,
            name: `Repeated${(finding.concern ?? "").replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase())}`,
            shortDescription: { text: `${finding.concernTitle ?? finding.concern} written again` },
            fullDescription: {
              text: `New code implements ${finding.concernTitle ?? finding.concern}, which another team already implements or which has a golden path.`,
            },
            help: {
              text: "Use the golden path or an existing implementation; if this copy is deliberate, add `lineitem-ignore <concern> -- <reason>` above it, or a check.allow entry in lineitem.config.yaml.",
            },
            defaultConfiguration: { level: "warning" },
            properties: { tags: ["maintainability", "duplication", "lineitem"] },
          }
        : {
            id,
            name: "CopyOfAnotherTeamsCode",
            shortDescription: { text: "Copy of another team's code" },
            fullDescription: { text: "New code is identical or nearly identical to code another team owns." },
            help: {
              text: "Call or import the existing code, or move it to a shared package with its owners; if the copy is deliberate, add `lineitem-ignore copy -- <reason>` above it.",
            },
            defaultConfiguration: { level: "note" },
            properties: { tags: ["maintainability", "duplication", "lineitem"] },
          },
    );
  }
  return [...rules.values()];
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, one result per finding on the change's first line in the
 * new code, the existing implementations as related locations (in this repository, relative to it; in
 * others, relative to ORGROOT, the folder holding the org's repositories), and a fingerprint that stays
 * put while the code moves.
 */
export function renderCheckSarif(result: CheckResult, root = ""): string {
  const prefix = root && !root.endsWith("/") ? `${root}/` : root;
  const findings = result.findings.slice(0, SARIF_LIMITS.results);
  const rules = rulesOf(findings);
  const ruleIndex = new Map(rules.map((rule, index) => [(rule as { id: string }).id, index]));
  const results = findings.map((finding) => {
    const { location } = finding;
    const related = finding.existing.slice(0, SARIF_LIMITS.relatedLocations).map((copy, index) => {
      // The first place of the work, where a reader is pointed (the message says how many more).
      const [first] = workRuns(copy);
      return {
        id: index + 1,
        physicalLocation: {
          artifactLocation:
            copy.repo === result.repo
              ? { uri: prefix + copy.path, uriBaseId: "%SRCROOT%" }
              : { uri: `${copy.repo}/${copy.path}`, uriBaseId: "ORGROOT" },
          region: { startLine: first?.startLine ?? copy.startLine, endLine: first?.endLine ?? copy.endLine },
        },
        message: { text: `${copy.team}${copy.golden ? " (golden path)" : ""}: ${place(copy)}` },
      };
    });
    const links = related.slice(0, 5).map((r) => `[${r.message.text}](${r.id})`);
    const text = [
      finding.what,
      finding.why,
      policyLine(finding),
      links.length > 0 ? `Already in the org: ${links.join("; ")}.` : null,
      finding.action,
    ]
      .filter(Boolean)
      .join(" ");
    return {
      ruleId: ruleIdOf(finding),
      ruleIndex: ruleIndex.get(ruleIdOf(finding)),
      level: finding.level,
      message: { text },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: prefix + location.path, uriBaseId: "%SRCROOT%" },
            region: { startLine: location.line, endLine: Math.max(location.line, location.endLine) },
          },
        },
      ],
      relatedLocations: related,
      partialFingerprints: { "lineitemFinding/v1": finding.id },
      properties: {
        title: findingTitle(finding),
        team: finding.team,
        concern: finding.concern,
        goldenPath: finding.goldenPath?.package ?? finding.goldenPath?.path ?? null,
      },
    };
  });
  return sarifLog({
    version: result.tool.version,
    rules,
    automationId: `lineitem-check/${result.repo}/`,
    results,
  });
}

/**
 * One SARIF 2.1.0 log of one run by lineitem; paths outside the scanned repository are relative to
 * ORGROOT, the folder holding the org's repositories side by side.
 */
export function sarifLog(run: {
  version: string;
  rules: object[];
  automationId: string;
  results: object[];
}): string {
  const sarif = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "lineitem",
            version: run.version,
            informationUri: "https://github.com/lineitem/lineitem",
            rules: run.rules,
          },
        },
        automationDetails: { id: run.automationId },
        originalUriBaseIds: {
          ORGROOT: { description: { text: "The folder that holds the org's repositories, side by side." } },
        },
        results: run.results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
