import type { Ledger, LowHigh } from "../result/index.js";
import { csvText } from "./csv.js";

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const pair = (r: LowHigh | undefined, digits: number) =>
  r ? [round(r.low, digits), round(r.high, digits)] : ["", ""];

const HEADER = [
  "item",
  "title",
  "kind",
  "quarter",
  "engineer_days_low",
  "engineer_days_high",
  "cumulative_days_low",
  "cumulative_days_high",
  "cumulative_cost_low",
  "cumulative_cost_high",
  "currency",
  "implementations",
  "teams",
  "authors",
  "commits",
  "not_counted",
  "assumptions",
];

/**
 * The ledger for a spreadsheet: one row per line item and quarter (long form, so a pivot table can sum
 * by concern or by quarter), then the totals and the platform team over the same quarters. Every row
 * carries its assumptions, so a row pasted elsewhere still says what it rests on.
 */
export function renderLedgerCsv(ledger: Ledger): string {
  const a = ledger.assumptions;
  const assumptions =
    `${a.dayShare.low}-${a.dayShare.high} engineer-days per active author-day or ${a.linesPerDay.low}-${a.linesPerDay.high} lines a day if more; ` +
    `${a.costPerEngineerYear} ${a.currency} per engineer-year; ${a.workingDaysPerYear} working days; ` +
    `platform team ${a.platformTeamEngineers.low}-${a.platformTeamEngineers.high} engineers; line-level history, merges/bots/ignore-revs not charged`;
  type Cell = string | number | null;
  // One row per quarter; the columns a row has no figure for stay empty.
  const row = (
    id: string,
    title: string,
    kind: string,
    q: { quarter: string; days?: LowHigh; cumulativeDays?: LowHigh; cumulativeCost: LowHigh },
    counts: Cell[] = ["", "", "", "", ""],
  ): Cell[] => [
    id,
    title,
    kind,
    q.quarter,
    ...pair(q.days, 2),
    ...pair(q.cumulativeDays, 2),
    ...pair(q.cumulativeCost, 0),
    a.currency,
    ...counts,
    assumptions,
  ];
  const rows: Cell[][] = [HEADER];
  for (const item of ledger.items) {
    const kept = item.kept ? `${item.kept.implementation} (${item.kept.reason})` : "";
    const counts = [item.implementations, item.teams, item.authors, item.commits, kept];
    for (const q of item.quarters) rows.push(row(item.concern, item.title, item.kind, q, counts));
  }
  for (const q of ledger.total.quarters) rows.push(row("total", "All line items", "total", q));
  for (const q of ledger.platformTeam.quarters)
    rows.push(row("platform-team", "MVP platform team", "comparison", q));
  return csvText(rows);
}
