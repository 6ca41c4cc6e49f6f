import { createColors } from "picocolors";
import { type ConcernTrend, counted, type KillCriterion, type TrendResult } from "../result/index.js";
import { alignColumns, visible } from "./table.js";

type Colors = ReturnType<typeof createColors>;

const BARS = "▁▂▃▄▅▆▇█";

/**
 * A sparkline: one block per value, scaled from the series' own low to its high (a flat series is a flat
 * line); null is a gap. Eight characters of arithmetic, so no package is pulled in for it.
 */
export function sparkline(values: (number | null)[], floor?: number): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return "";
  const low = floor ?? Math.min(...known);
  const high = Math.max(...known);
  return values
    .map((value) => {
      if (value === null) return " ";
      if (high === low) return BARS[high === 0 ? 0 : 3];
      return BARS[Math.round(((value - low) / (high - low)) * (BARS.length - 1))];
    })
    .join("");
}

const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
const days = (value: number | null) => (value === null ? "—" : String(Math.round(value * 10) / 10));

function header(result: TrendResult): string {
  const repos = Object.keys(result.points[0]?.commits ?? {}).length;
  const first = result.points[0]?.label;
  const last = result.points.at(-1)?.label;
  const span = first && last ? `${result.points.length} points (${first} … ${last})` : "no points";
  const asOf = result.asOf ? ` · newest commit ${result.asOf.slice(0, 10)}` : "";
  return `lineitem trend · ${counted(repos, "repository", "repositories")} · ${span}${asOf}`;
}

function concernsTable(result: TrendResult, c: Colors): string[] {
  const labels = result.points.map((p) => p.label);
  const rows = [
    ["", "concern", ...labels, "", ""].map((cell) => c.dim(cell)),
    ...result.concerns.map((concern) => {
      const counts = concern.series.map((point) => point.implementations);
      const last = concern.series.at(-1);
      const note = concern.goldenPath
        ? `${last?.onGoldenTeams.length ?? 0} of ${new Set([...(last?.onGoldenTeams ?? []), ...(last?.ownTeams ?? [])]).size} teams on the golden path${last?.migratingTeams.length ? `, ${last.migratingTeams.length} migrating` : ""}`
        : (counts.at(-1) ?? 0) > (counts[0] ?? 0)
          ? c.yellow("accumulating, no golden path")
          : "";
      return [
        concern.charter ? c.green("★") : " ",
        concern.id,
        ...counts.map(String),
        sparkline(counts, 0),
        note,
      ];
    }),
  ];
  const numeric = new Set(labels.map((_, i) => i + 2));
  return alignColumns(rows, numeric, visible).map((line) => `  ${line}`);
}

function uptakeTable(result: TrendResult, c: Colors): string[] {
  const withPath = result.concerns.filter((concern) => concern.goldenPath !== null);
  if (withPath.length === 0) {
    return [
      `  ${c.dim("No golden paths in lineitem.config.yaml (goldenPaths:), so there is no uptake to follow.")}`,
    ];
  }
  const labels = result.points.map((p) => p.label);
  const rows = [
    ["concern", ...labels, "", "now: teams", "repos"].map((cell) => c.dim(cell)),
    ...withPath.map((concern: ConcernTrend) => {
      const shares = concern.series.map((point) => point.uptakeTeams);
      const last = concern.series.at(-1);
      const of = (on: string[], own: string[]) => `${on.length}/${new Set([...on, ...own]).size}`;
      return [
        concern.id,
        ...shares.map(pct),
        sparkline(shares, 0),
        last ? of(last.onGoldenTeams, last.ownTeams) : "—",
        last ? of(last.onGoldenRepos, last.ownRepos) : "—",
      ];
    }),
  ];
  const numeric = new Set(labels.map((_, i) => i + 1));
  return alignColumns(rows, numeric, visible).map((line) => `  ${line}`);
}

function onboardingLines(result: TrendResult, c: Colors): string[] {
  const o = result.onboarding;
  const lines = [
    c.bold(`Onboarding: days from a newcomer's first commit to commit ${o.nthCommit}`) +
      c.dim(` (${o.newcomers} newcomers; ${o.founders} there from the start not counted)`),
  ];
  if (o.cohorts.length === 0) return [...lines, `  ${c.dim("No newcomers in the window.")}`];
  const rows = [
    ["cohort", "newcomers", `made ${o.nthCommit}`, "median days", "2nd repo", "median days", "per team"].map(
      (cell) => c.dim(cell),
    ),
    ...o.cohorts.map((cohort) => [
      cohort.quarter,
      String(cohort.newcomers),
      String(cohort.reachedNth),
      days(cohort.medianDaysToNth),
      String(cohort.reachedSecondRepo),
      days(cohort.medianDaysToSecondRepo),
      cohort.teams.map((t) => `${t.team} ${days(t.medianDaysToNth)} (${t.newcomers})`).join(", "),
    ]),
  ];
  lines.push(...alignColumns(rows, new Set([1, 2, 3, 4, 5]), visible).map((line) => `  ${line}`));
  const { on, off, deltaDays } = o.goldenPath;
  lines.push(
    `  Teams on a golden path when the newcomer joined: ${on.newcomers} made commit ${o.nthCommit}, median ${days(on.medianDaysToNth)} days; ` +
      `off it: ${off.newcomers}, median ${days(off.medianDaysToNth)} days` +
      (deltaDays === null
        ? "."
        : `; ${deltaDays >= 0 ? `${days(deltaDays)} days faster on it` : `${days(-deltaDays)} days slower on it`}.`),
  );
  lines.push(
    `  ${c.dim("A median over one or two people is not a trend: the counts are beside every figure.")}`,
  );
  if (o.people) {
    const people = o.people.map((p) => [
      p.name,
      p.email ?? "",
      p.team ?? "—",
      p.firstCommit.slice(0, 10),
      days(p.daysToNth),
      days(p.daysToSecondRepo),
      p.teamOnGoldenPath ? "on golden path" : "",
    ]);
    lines.push(
      ...alignColumns(
        [
          ["newcomer", "", "team", "first commit", `to ${o.nthCommit}`, "to 2nd repo", ""].map((x) =>
            c.dim(x),
          ),
          ...people,
        ],
        new Set([4, 5]),
        visible,
      ).map((line) => `  ${line}`),
    );
  }
  return lines;
}

function criterionLine(criterion: KillCriterion, c: Colors): string {
  const mark =
    criterion.moved === true ? c.green("✓") : criterion.moved === false ? c.red("✗") : c.yellow("?");
  const verdict =
    criterion.moved === true ? "moved" : criterion.moved === false ? "did not move" : "not measurable";
  return `  ${mark} ${criterion.title}: ${verdict}. ${c.dim(criterion.detail)}`;
}

function killCriteriaLines(result: TrendResult, c: Colors): string[] {
  const k = result.killCriteria;
  if (k.state === "no-platform-team") return [c.bold("Kill criteria"), `  ${k.statement}`];
  const lines = [
    c.bold(`Kill criteria: ${k.team}`) +
      c.dim(
        ` (${k.engineers ? `${k.engineers} engineers; ` : ""}started ${k.start}; runway to ${k.runwayEnds}; charter: ${k.charter.join(", ") || "—"})`,
      ),
    ...k.criteria.map((criterion) => criterionLine(criterion, c)),
  ];
  const colour = k.verdict === "keep" ? c.green : k.verdict === "dissolve" ? c.red : c.yellow;
  lines.push(`  ${colour(k.statement)}`);
  return lines;
}

/** The trend on a terminal: concerns over the points, golden-path uptake, onboarding, the kill criteria. */
export function renderTrendView(result: TrendResult, options: { color: boolean }): string {
  const c = createColors(options.color);
  const lines = [
    c.bold(header(result)),
    "",
    c.bold("Implementations per concern") + c.dim(" (★ the platform team's charter)"),
    ...concernsTable(result, c),
    "",
    c.bold("Golden-path uptake: teams on the golden path ÷ teams doing the work"),
    ...uptakeTable(result, c),
    "",
    ...onboardingLines(result, c),
    "",
    ...killCriteriaLines(result, c),
  ];
  const warnings = result.diagnostics.filter((d) => d.level === "warning");
  if (warnings.length > 0) {
    lines.push(
      "",
      c.yellow(`${counted(warnings.length, "warning")}:`),
      ...warnings.map((d) => `  ${d.message}`),
    );
  }
  return `${lines.join("\n")}\n`;
}
