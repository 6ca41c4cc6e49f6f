import type { createColors } from "picocolors";
import { type CloneGroupJson, type Clones, counted, grouped, percentAlike } from "../result/index.js";
import { printable } from "./printable.js";
import { alignColumns } from "./table.js";

type Colors = ReturnType<typeof createColors>;

/** Cross-team clone groups the terminal lists before pointing at --json for the rest. */
export const CLONE_GROUPS_SHOWN = 10;

const KIND_WORDS: Record<CloneGroupJson["kind"], string> = {
  exact: "exact copies",
  renamed: "copies with other names or values",
  "near-miss": "near-miss copies",
};

export function groupLine(group: CloneGroupJson): string {
  const what = group.level === "unit" ? "" : " of a fragment";
  const size = `${group.lines} line${group.lines === 1 ? "" : "s"}, ${group.tokens} tokens`;
  const similar = group.kind === "near-miss" ? `, ${percentAlike(group.similarity, false)}% alike` : "";
  const boilerplate = group.boilerplate ? ` [boilerplate: ${group.boilerplate}]` : "";
  return `${group.members.length} ${KIND_WORDS[group.kind]}${what} (${size}${similar}) across ${group.teams.join(", ")}${boilerplate}`;
}

/**
 * Copies across teams: one finding per group (17 copies are one line and 17 rows, not 16 pairs), the
 * canonical member marked ◆, the largest groups first.
 */
export function clonesSection(
  clones: Clones,
  c: Colors,
  visible: (text: string) => string,
  shown = CLONE_GROUPS_SHOWN,
): string[] {
  const { groups, setAside, settings } = clones;
  const crossTeam = groups.filter((g) => g.crossTeam);
  const lines: string[] = [];
  if (crossTeam.length) {
    lines.push(c.bold("Copies across teams"));
    for (const group of crossTeam.slice(0, shown)) {
      lines.push(`  ${groupLine(group)}`);
      const rows = group.members.map((m) => [
        m.canonical ? c.cyan("◆") : "",
        m.team,
        m.repo,
        `${printable(m.path)}:${m.startLine}-${m.endLine}`,
        m.unit,
      ]);
      lines.push(...alignColumns(rows, new Set(), visible).map((line) => `  ${line}`));
    }
    if (crossTeam.length > shown) {
      lines.push(
        c.dim(`  … and ${counted(crossTeam.length - shown, "more cross-team clone group")} (see --json)`),
      );
    }
  }
  const notes: string[] = [];
  if (setAside.singleTeam) notes.push(`${grouped(setAside.singleTeam)} within one team`);
  const boilerplate = setAside.scaffolding + setAside.everywhere;
  if (boilerplate) {
    notes.push(
      `${grouped(boilerplate)} boilerplate (${grouped(setAside.scaffolding)} scaffolding, ${grouped(setAside.everywhere)} everywhere${settings.showBoilerplate ? "" : "; --show-boilerplate lists them"})`,
    );
  }
  if (notes.length) lines.push(`${c.dim("Other clone groups:")} ${notes.join(", ")}`);
  return lines;
}
