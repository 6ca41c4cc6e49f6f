import { createColors } from "picocolors";
import {
  type ConcernCluster,
  counted,
  grouped,
  type Implementation,
  percentAlike,
  type ScanResult,
  type UnnamedCluster,
  whereText,
} from "../result/index.js";
import { clonesSection } from "./clones-view.js";
import { driftLines } from "./drift-view.js";
import { adviceSection, ledgerSection } from "./ledger-view.js";
import { printable } from "./printable.js";
import { alignColumns, visible } from "./table.js";

export interface TerminalOptions {
  color: boolean;
}

type Colors = ReturnType<typeof createColors>;

function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : "—";
}

function location(member: { path: string; startLine: number; endLine: number }): string {
  return `${printable(member.path)}:${member.startLine}-${member.endLine}`;
}

function headline(result: ScanResult): string {
  const s = result.summary;
  const skipped = s.filesSkipped ? ` (${grouped(s.filesSkipped)} set aside)` : "";
  const named = result.teams.filter((t) => t.byRepositoryName).length;
  const teams = named
    ? `${counted(s.teams, "team")} (${named} named after ${named === 1 ? "its repository" : "their repositories"})`
    : counted(s.teams, "team");
  return `lineitem · ${counted(s.repos, "repository", "repositories")} · ${teams} · ${counted(s.filesRead, "file")} read${skipped} · ${grouped(s.lines)} lines`;
}

/** "Your teams wrote retry logic 7 times, HTTP client wrappers 6 times …" — the sentence the essay asks for. */
function overview(result: ScanResult): string | undefined {
  const repeated = result.concerns.filter((c) => c.crossTeam);
  if (repeated.length === 0) return undefined;
  const parts = repeated.map((c) => `${c.noun} ${c.writings === 2 ? "twice" : `${c.writings} times`}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
  return `Your teams wrote ${list}.`;
}

function implementationRows(cluster: ConcernCluster, c: Colors): string[] {
  const byId = new Map(cluster.implementations.map((impl) => [impl.id, impl]));
  // The golden path first: it is the reference the copies are read against.
  const ordered = [...cluster.implementations].sort((a, b) => Number(b.golden) - Number(a.golden));
  const rows = ordered.map((impl: Implementation) => {
    const copied = impl.copyOf ? byId.get(impl.copyOf.implementation) : undefined;
    const note = copied
      ? c.yellow(
          `copy of ${copied.team}'s ${printable(`${copied.repo}/${copied.path}`)} (${percentAlike(impl.copyOf?.similarity ?? 0)}% alike)`,
        )
      : impl.wraps
        ? c.cyan(`wraps ${impl.wraps}`)
        : "";
    return [
      impl.golden ? c.green("★") : " ",
      impl.golden ? c.green(impl.team) : impl.team,
      impl.repo,
      whereText(printable(impl.path), impl),
      String(impl.fanIn),
      impl.history ? String(impl.history.authors) : "—",
      day(impl.history?.firstSeen),
      day(impl.history?.lastChanged),
      note,
    ];
  });
  const header = ["", "team", "repo", "where", "used by", "authors", "first", "last", ""].map((h) =>
    c.dim(h),
  );
  return alignColumns([header, ...rows], new Set([4, 5]), visible).map((line) => `  ${line}`);
}

function adoptionLines(cluster: ConcernCluster, c: Colors): string[] {
  if (cluster.adoptions.length === 0) return [];
  const teamsWithOwn = new Set(cluster.implementations.filter((i) => !i.golden).map((i) => i.team));
  const byTeam = new Map<string, string[]>();
  for (const adoption of cluster.adoptions) {
    byTeam.set(adoption.team, [
      ...(byTeam.get(adoption.team) ?? []),
      `${printable(`${adoption.repo}/${adoption.path}`)}:${adoption.line}`,
    ]);
  }
  return [...byTeam].map(([team, places]) => {
    const state = teamsWithOwn.has(team)
      ? c.yellow("migrating — still has its own")
      : c.green("on the golden path");
    const more = places.length > 1 ? ` (+${places.length - 1} more)` : "";
    return `  ${c.dim("adopted by")} ${team}: ${state} · ${places[0]}${more}`;
  });
}

function concernSection(cluster: ConcernCluster, c: Colors): string[] {
  const lines = [
    c.bold(cluster.title),
    `  ${cluster.statement}`,
    ...implementationRows(cluster, c),
    ...driftLines(cluster, c, visible),
    ...adoptionLines(cluster, c),
  ];
  if (cluster.goldenPath && !cluster.goldenPath.found) {
    lines.push(
      `  ${c.yellow("golden path not found:")} no ${cluster.noun} at ${cluster.goldenPath.repo ?? "?"}/${cluster.goldenPath.path ?? "?"} (lineitem.config.yaml goldenPaths)`,
    );
  }
  return lines;
}

function unnamedSection(unnamed: UnnamedCluster[], c: Colors): string[] {
  if (unnamed.length === 0) return [];
  const lines = [c.bold("Unnamed work"), c.dim("  code copied across teams that matches no known concern")];
  for (const cluster of unnamed) {
    lines.push(`  ${cluster.statement}`);
    const rows = cluster.members.map((m) => [
      "",
      m.team,
      m.repo,
      location(m),
      m.units.map((u) => u.name).join(", "),
    ]);
    lines.push(...alignColumns(rows, new Set(), visible).map((line) => `  ${line}`));
  }
  return lines;
}

// How people name the languages, for the summary line.
const LANGUAGE_NAMES: Record<string, string> = {
  typescript: "TypeScript",
  tsx: "TSX",
  javascript: "JavaScript",
  python: "Python",
  go: "Go",
  java: "Java",
  kotlin: "Kotlin",
  csharp: "C#",
  ruby: "Ruby",
};

function footer(result: ScanResult, c: Colors): string[] {
  const lines: string[] = [];
  const languages = Object.entries(result.summary.byLanguage)
    .sort((a, b) => b[1].lines - a[1].lines)
    .map(
      ([id, { files, lines: count }]) =>
        `${LANGUAGE_NAMES[id] ?? id} ${grouped(files)} (${grouped(count)} lines)`,
    );
  if (languages.length) lines.push(`${c.dim("Read:")} ${languages.join(", ")}`);
  const reasons = Object.entries(result.summary.skippedByReason)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => `${grouped(count)} ${reason}`);
  if (reasons.length) lines.push(`${c.dim("Set aside:")} ${reasons.join(", ")}`);
  if (result.summary.testFiles && !result.includeTests) {
    lines.push(
      `${c.dim("Test code:")} ${counted(result.summary.testFiles, "test file")} read but kept out of clusters (--include-tests adds them)`,
    );
  }
  const unowned = result.teams.filter((t) => t.byRepositoryName);
  if (unowned.length) {
    const list = unowned.map((t) => `${t.name} (${counted(t.files, "file")})`).join(", ");
    lines.push(
      `${c.dim("Owned by repository name:")} ${list} — no CODEOWNERS line or config rule owns them (docs/config.md)`,
    );
  }
  const noHistory = result.repos
    .filter((r) => r.history === "none" || r.history === "empty")
    .map((r) => r.name);
  if (noHistory.length) lines.push(`${c.dim("Without history:")} ${noHistory.join(", ")}`);
  const warnings = result.diagnostics.filter((d) => d.level === "warning");
  for (const warning of warnings.slice(0, 10)) lines.push(`${c.yellow("warning")} ${warning.message}`);
  if (warnings.length > 10) lines.push(c.dim(`… and ${warnings.length - 10} more warnings (see --json)`));
  const infos = result.diagnostics.length - warnings.length;
  if (infos)
    lines.push(
      c.dim(`${infos} notes (files parsed with recovered syntax errors and the like) are in --json output.`),
    );
  lines.push(
    c.dim(
      "Authors: people whose commits changed the implementation's own lines (author and co-authors, .mailmap applied, bots excluded); first/last: the first and last such commit.",
    ),
  );
  return lines;
}

/** The sprint-review view: per concern, every implementation, who owns it, and since when. */
export function renderTerminal(result: ScanResult, options: TerminalOptions): string {
  const c = createColors(options.color);
  const repeated = result.concerns.filter((cluster) => cluster.crossTeam);
  const single = result.concerns.filter((cluster) => !cluster.crossTeam && cluster.writings > 0);
  const out: string[] = [c.bold(headline(result))];
  const sentence = overview(result);
  if (sentence) out.push(sentence);
  out.push("");
  for (const cluster of repeated) out.push(...concernSection(cluster, c), "");
  if (repeated.length === 0) out.push("No concern is implemented by more than one team.", "");
  if (single.length) {
    out.push(c.bold("Written by one team so far"));
    const rows = single.flatMap((cluster) =>
      cluster.implementations.map((impl) => [
        "",
        cluster.noun,
        impl.team,
        whereText(printable(`${impl.repo}/${impl.path}`), impl),
      ]),
    );
    out.push(...alignColumns(rows, new Set(), visible).map((line) => `  ${line}`), "");
  }
  const unnamed = unnamedSection(result.unnamed, c);
  if (unnamed.length) out.push(...unnamed, "");
  const ledger = ledgerSection(result, c, visible);
  if (ledger.length) out.push(...ledger, "");
  const advice = adviceSection(result.advice, c);
  if (advice.length) out.push(...advice, "");
  const clones = clonesSection(result.clones, c, visible);
  if (clones.length) out.push(...clones, "");
  out.push(...footer(result, c));
  return `${out.join("\n")}\n`;
}

/** `lineitem ledger`: the line items, the platform-team comparison and the advice, without the rest. */
export function renderLedgerView(result: ScanResult, options: TerminalOptions): string {
  const c = createColors(options.color);
  const out: string[] = [c.bold(headline(result))];
  const sentence = overview(result);
  if (sentence) out.push(sentence);
  out.push("");
  const ledger = ledgerSection(result, c, visible);
  out.push(...(ledger.length ? ledger : ["No repeated work with history to price: no line items."]), "");
  const advice = adviceSection(result.advice, c);
  out.push(...(advice.length ? advice : ["No advice: no repository history could be read."]));
  return `${out.join("\n")}\n`;
}
