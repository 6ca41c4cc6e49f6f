import type { TrendResult } from "../result/index.js";
import { csvText } from "./csv.js";

const HEADER = ["section", "point", "at", "subject", "metric", "value"];

type Value = string | number | boolean | null;

/**
 * The trend as one long ("tidy") table: a row per section, point, subject and metric, so a spreadsheet's
 * pivot table or a charting tool takes it as it is. Sections: `concern` (per concern and point),
 * `onboarding` (per quarter cohort, for everyone and per team), `kill_criteria` (per criterion).
 */
export function renderTrendCsv(result: TrendResult): string {
  const rows: Value[][] = [HEADER];
  const at = new Map(result.points.map((p) => [p.label, p.at]));
  for (const concern of result.concerns) {
    for (const point of concern.series) {
      const metrics: [string, Value][] = [
        ["implementations", point.implementations],
        ["teams", point.teams.length],
        ["own_teams", point.ownTeams.length],
        ["on_golden_teams", point.onGoldenTeams.length],
        ["migrating_teams", point.migratingTeams.length],
        ["uptake_teams", point.uptakeTeams],
        ["uptake_repos", point.uptakeRepos],
      ];
      for (const [metric, value] of metrics) {
        rows.push(["concern", point.point, at.get(point.point) ?? "", concern.id, metric, value]);
      }
    }
  }
  for (const cohort of result.onboarding.cohorts) {
    const all: [string, Value][] = [
      ["newcomers", cohort.newcomers],
      [`reached_commit_${result.onboarding.nthCommit}`, cohort.reachedNth],
      ["median_days_to_nth", cohort.medianDaysToNth],
      ["reached_second_repo", cohort.reachedSecondRepo],
      ["median_days_to_second_repo", cohort.medianDaysToSecondRepo],
    ];
    for (const [metric, value] of all) rows.push(["onboarding", cohort.quarter, "", "all", metric, value]);
    for (const team of cohort.teams) {
      rows.push(["onboarding", cohort.quarter, "", team.team, "newcomers", team.newcomers]);
      rows.push(["onboarding", cohort.quarter, "", team.team, "median_days_to_nth", team.medianDaysToNth]);
    }
  }
  const k = result.killCriteria;
  for (const criterion of k.criteria) {
    for (const metric of ["baseline", "current", "change", "threshold", "moved"] as const) {
      rows.push(["kill_criteria", "", "", criterion.id, metric, criterion[metric]]);
    }
  }
  if (k.verdict) rows.push(["kill_criteria", "", "", k.team ?? "", "verdict", k.verdict]);
  return csvText(rows);
}
