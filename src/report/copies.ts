import { createColors } from "picocolors";
import { type CloneGroupJson, type CopiesResult, counted, grouped } from "../result/index.js";
import { SARIF_LIMITS, sarifLog } from "./check-sarif.js";
import { clonesSection, groupLine } from "./clones-view.js";
import { mdText } from "./markdown.js";
import { visible } from "./table.js";

/** `lineitem copies` as text, Markdown and SARIF: pure renderers of its result. */

function headline(result: CopiesResult): string {
  const s = result.summary;
  return `lineitem copies · ${counted(s.repos, "repository", "repositories")} · ${counted(s.teams, "team")} · ${counted(s.filesRead, "file")} read · ${grouped(s.lines)} lines`;
}

export interface CopiesViewOptions {
  color: boolean;
  /** Cross-team groups listed before pointing at --json for the rest. */
  shown: number;
}

export function renderCopiesView(result: CopiesResult, options: CopiesViewOptions): string {
  const c = createColors(options.color);
  const out = [c.bold(headline(result))];
  const crossTeam = result.summary.crossTeamCloneGroups;
  out.push(
    crossTeam === 0
      ? "No code is copied across teams."
      : `${counted(crossTeam, "group")} of code copied across teams, largest first.`,
    "",
  );
  const section = clonesSection(result.clones, c, visible, options.shown);
  if (section.length) out.push(...section, "");
  const warnings = result.diagnostics.filter((d) => d.level === "warning");
  for (const warning of warnings) out.push(c.yellow(`warning: ${warning.message}`));
  if (!result.includeTests && result.summary.testFiles > 0)
    out.push(
      c.dim(`${counted(result.summary.testFiles, "test file")} left out (--include-tests reads them).`),
    );
  out.push(
    c.dim(
      `Tokens are lexer tokens; a copied run counts from ${result.clones.settings.minFragmentTokens} of them (--min-tokens). How: docs/similarity.md.`,
    ),
  );
  return `${out.join("\n")}\n`;
}

const place = (m: CloneGroupJson["members"][number]) => `${m.repo}/${m.path}:${m.startLine}-${m.endLine}`;

/** Markdown for a pull-request comment or a wiki page: one section per cross-team group. */
export function renderCopiesMarkdown(result: CopiesResult, shown: number): string {
  const out = [`# ${mdText(headline(result))}`, ""];
  const groups = result.clones.groups.filter((g) => g.crossTeam);
  if (groups.length === 0) out.push("No code is copied across teams.", "");
  for (const group of groups.slice(0, shown)) {
    out.push(`## ${mdText(groupLine(group))}`, "", "| | team | where | unit |", "|---|---|---|---|");
    for (const m of group.members)
      out.push(
        `| ${m.canonical ? "◆" : ""} | ${mdText(m.team)} | \`${place(m).replace(/`/g, "'")}\` | ${mdText(m.unit)} |`,
      );
    out.push("");
  }
  if (groups.length > shown)
    out.push(`… and ${counted(groups.length - shown, "more cross-team group")} (see --json).`, "");
  const { setAside } = result.clones;
  out.push(
    `Other groups: ${grouped(setAside.singleTeam)} within one team, ${grouped(setAside.scaffolding + setAside.everywhere)} boilerplate.`,
    "",
  );
  return `${out.join("\n")}\n`;
}

/**
 * SARIF 2.1.0: one result per cross-team group, on its first copy that is not canonical, with every other
 * member as a related location (paths relative to ORGROOT, the folder holding the repositories).
 */
export function renderCopiesSarif(result: CopiesResult): string {
  const groups = result.clones.groups.filter((g) => g.crossTeam).slice(0, SARIF_LIMITS.results);
  const location = (m: CloneGroupJson["members"][number]) => ({
    physicalLocation: {
      artifactLocation: { uri: `${m.repo}/${m.path}`, uriBaseId: "ORGROOT" },
      region: { startLine: m.startLine, endLine: m.endLine },
    },
  });
  const results = groups.map((group) => {
    const first =
      group.members.find((m) => !m.canonical) ?? (group.members[0] as CloneGroupJson["members"][number]);
    const others = group.members.filter((m) => m !== first).slice(0, SARIF_LIMITS.relatedLocations);
    return {
      ruleId: "lineitem/cross-team-copy",
      ruleIndex: 0,
      level: "note",
      message: {
        text: `${groupLine(group)}. This copy (${first.team}) is also at: ${others
          .slice(0, 5)
          .map((m, i) => `[${m.team} ${place(m)}](${i + 1})`)
          .join("; ")}${others.length > 5 ? " …" : ""}.`,
      },
      locations: [location(first)],
      relatedLocations: others.map((m, i) => ({
        id: i + 1,
        ...location(m),
        message: { text: `${m.team}: ${m.unit}` },
      })),
      partialFingerprints: { "lineitemCloneGroup/v1": group.id },
      properties: { kind: group.kind, level: group.level, tokens: group.tokens, teams: group.teams },
    };
  });
  return sarifLog({
    version: result.tool.version,
    rules: [
      {
        id: "lineitem/cross-team-copy",
        name: "CrossTeamCopy",
        shortDescription: { text: "Code copied across teams" },
        fullDescription: {
          text: "The same code (up to names and values, or with a few statements changed) is owned by two or more teams.",
        },
        help: {
          text: "Keep one copy where its owners can maintain it, and call or import it from the others.",
        },
        defaultConfiguration: { level: "note" },
        properties: { tags: ["maintainability", "duplication", "lineitem"] },
      },
    ],
    automationId: "lineitem-copies/",
    results,
  });
}
