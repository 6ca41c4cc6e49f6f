import {
  type ConcernCluster,
  counted,
  grouped,
  type ScanResult,
  type TrendResult,
  whereText,
} from "../result/index.js";
import { money } from "./ledger-view.js";

/**
 * Text from the scan made inert in Markdown: characters that would start emphasis, links, code, tables
 * or raw HTML are escaped, line breaks folded, so a path or a name is shown, never interpreted.
 */
export function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]{}<>|#!~]/g, (ch) => `\\${ch}`);
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "—");

function concernSection(concern: ConcernCluster): string[] {
  const lines = [`### ${mdText(concern.title)}`, "", mdText(concern.statement), ""];
  lines.push(
    ...table(
      ["", "team", "where", "authors", "commits", "first seen", "last change"],
      concern.implementations.map((impl) => [
        impl.golden ? "★" : "",
        mdText(impl.team),
        mdText(whereText(`${impl.repo}/${impl.path}`, impl)),
        String(impl.history?.authors ?? "—"),
        String(impl.history?.commits ?? "—"),
        day(impl.history?.firstSeen),
        day(impl.history?.lastChanged),
      ]),
    ),
  );
  const columns = concern.drift.filter((column) => !column.same);
  if (columns.length > 0) {
    lines.push("", "Drift:", "");
    lines.push(
      ...table(
        ["team", ...columns.map((column) => mdText(column.title))],
        concern.implementations.map((impl) => [
          `${impl.golden ? "★ " : ""}${mdText(impl.team)}`,
          ...columns.map((column) => mdText(impl.parameters[column.id]?.display ?? "—")),
        ]),
      ),
    );
  }
  return [...lines, ""];
}

function trendSection(trend: TrendResult): string[] {
  const labels = trend.points.map((p) => p.label);
  const lines = ["## Over time", ""];
  lines.push(
    ...table(
      ["concern", ...labels],
      trend.concerns.map((c) => [
        `${c.charter ? "★ " : ""}${mdText(c.id)}`,
        ...c.series.map((s) => String(s.implementations)),
      ]),
    ),
  );
  const withPath = trend.concerns.filter((c) => c.goldenPath);
  if (withPath.length > 0) {
    lines.push("", "Golden-path uptake (teams on it ÷ teams doing the work):", "");
    lines.push(
      ...table(
        ["concern", ...labels],
        withPath.map((c) => [
          mdText(c.id),
          ...c.series.map((s) => (s.uptakeTeams === null ? "—" : `${Math.round(s.uptakeTeams * 100)}%`)),
        ]),
      ),
    );
  }
  const k = trend.killCriteria;
  lines.push("", `**Kill criteria${k.team ? ` (${mdText(k.team)})` : ""}:** ${mdText(k.statement)}`, "");
  for (const criterion of k.criteria) {
    const mark = criterion.moved === true ? "✓" : criterion.moved === false ? "✗" : "?";
    lines.push(`- ${mark} ${mdText(criterion.title)}: ${mdText(criterion.detail)}`);
  }
  return [...lines, ""];
}

/**
 * The scan as Markdown for a planning document: the sentence, the advice, the line items, each concern
 * with its implementations and drift, unnamed work, and the trend when one is given.
 */
export function renderMarkdown(result: ScanResult, trend: TrendResult | null = null): string {
  const { ledger } = result;
  const currency = ledger.assumptions.currency;
  const range = (r: { low: number; high: number }) => `${money(r.low, currency)}–${money(r.high, currency)}`;
  const repeated = result.concerns.filter((c) => c.crossTeam);
  const parts = repeated.map((c) => `${c.noun} ${c.writings === 2 ? "twice" : `${c.writings} times`}`);
  const sentence =
    parts.length === 0
      ? "No cross-cutting concern is written by more than one team."
      : `Your teams wrote ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]}.`;
  const s = result.summary;
  const lines = [
    "# What the platform work costs",
    "",
    `**${mdText(sentence)}**`,
    "",
    `${counted(s.repos, "repository", "repositories")} · ${counted(s.teams, "team")} · ${counted(s.filesRead, "file")} read · ${grouped(s.lines)} lines · scanned ${day(result.generatedAt)} with lineitem ${result.tool.version}`,
    "",
  ];
  if (result.advice) {
    lines.push(
      `## Approach ${result.advice.approach}: ${mdText(result.advice.title)}`,
      "",
      mdText(result.advice.summary),
      "",
    );
    for (const reason of result.advice.reasons) lines.push(`- ${mdText(reason)}`);
    lines.push("");
  }
  lines.push(
    "## Line items",
    "",
    `The repeats cost ${range(ledger.total.redistributedCost)} (${Math.round(ledger.total.redistributedDays.low)}–${Math.round(ledger.total.redistributedDays.high)} engineer-days); an MVP platform team costs ${range(ledger.platformTeam.quarterCost)} a quarter.`,
    "",
    ...table(
      ["line item", "writings", "teams", "authors", "engineer-days", "cost"],
      ledger.items.map((item) => [
        mdText(item.title),
        String(item.implementations),
        String(item.teams),
        String(item.authors),
        `${Math.round(item.redistributedDays.low)}–${Math.round(item.redistributedDays.high)}`,
        range(item.redistributedCost),
      ]),
    ),
    "",
    `_${mdText(ledger.assumptions.effortModel)}_`,
    "",
    "## Concerns",
    "",
  );
  for (const concern of result.concerns) lines.push(...concernSection(concern));
  if (result.unnamed.length > 0) {
    lines.push("## Unnamed work", "");
    for (const cluster of result.unnamed) {
      lines.push(`- **${mdText(cluster.title)}** (${mdText(cluster.id)}): ${mdText(cluster.statement)}`);
    }
    lines.push("");
  }
  if (trend) lines.push(...trendSection(trend));
  return `${lines.join("\n").trimEnd()}\n`;
}
