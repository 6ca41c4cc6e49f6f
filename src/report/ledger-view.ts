import type { createColors } from "picocolors";
import type { Advice, Ledger, LowHigh, ScanResult } from "../result/index.js";
import { alignColumns } from "./table.js";

type Colors = ReturnType<typeof createColors>;

/** `$23.7K`; a currency code Intl does not know is written after the number. */
export function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      notation: "compact",
      // $614, not $613.6; $23.7K, not $24K.
      maximumFractionDigits: Math.abs(amount) < 1000 ? 0 : 1,
    }).format(amount);
  } catch {
    return `${Math.round(amount).toLocaleString("en-US")} ${currency}`;
  }
}

const days = (n: number) => (n >= 10 ? Math.round(n).toString() : n.toFixed(1).replace(/\.0$/, ""));
export const dayRange = (r: LowHigh) => `${days(r.low)}–${days(r.high)}`;
export const moneyRange = (r: LowHigh, currency: string) =>
  `${money(r.low, currency)}–${money(r.high, currency)}`;

/** The assumptions, in one sentence, printed under every ledger. */
export function assumptionsLine(ledger: Ledger): string {
  const a = ledger.assumptions;
  return (
    `Assumptions: ${a.dayShare.low}–${a.dayShare.high} engineer-days per active author-day, or ` +
    `${a.linesPerDay.low}–${a.linesPerDay.high} lines written or removed a day where that is more; ` +
    `${money(a.costPerEngineerYear, a.currency)} loaded per engineer-year over ${a.workingDaysPerYear} working days; ` +
    `platform team of ${a.platformTeamEngineers.low}–${a.platformTeamEngineers.high}. ` +
    `Counted from the lines of each implementation; merges, bots and ignore-revs charged to nobody (docs/ledger.md).`
  );
}

function platformLines(ledger: Ledger, c: Colors, visible: (s: string) => string): string[] {
  const { currency } = ledger.assumptions;
  const team = ledger.platformTeam;
  const quarters = ledger.total.quarters;
  if (quarters.length === 0) return [];
  const last = team.quarters.at(-1);
  const overtook = team.overtaken.surely
    ? c.red(`the redistributed cost overtook it in ${team.overtaken.surely}, even on the low estimate`)
    : team.overtaken.possibly
      ? c.yellow(`on the high estimate the redistributed cost overtook it in ${team.overtaken.possibly}`)
      : "the redistributed cost has not overtaken it";
  const lines = [
    `MVP platform team (${ledger.assumptions.platformTeamEngineers.low}–${ledger.assumptions.platformTeamEngineers.high} engineers): ` +
      `${moneyRange(team.quarterCost, currency)} a quarter, ${last ? moneyRange(last.cumulativeCost, currency) : "—"} over the same ${quarters.length} quarters; ${overtook}.`,
  ];
  const rows = quarters.slice(-8).map((q, index, shown) => {
    const teamCost = team.quarters[quarters.length - shown.length + index]?.cumulativeCost;
    return [
      q.quarter,
      `+${dayRange(q.days)} days`,
      moneyRange(q.cumulativeCost, currency),
      teamCost ? moneyRange(teamCost, currency) : "—",
    ];
  });
  lines.push(
    ...alignColumns(
      [["quarter", "redistributed", "cumulative", "platform team, cumulative"], ...rows],
      new Set(),
      visible,
    ).map((line, index) => `  ${index === 0 ? c.dim(line) : line}`),
  );
  return lines;
}

const short = (iso: string) => iso.slice(0, 10);

/** "not in 3 other copies (checkout, payments 2)": the team that fixed one copy may own others of it. */
function notIn(missing: readonly { team: string }[]): string {
  const perTeam = new Map<string, number>();
  for (const m of missing) perTeam.set(m.team, (perTeam.get(m.team) ?? 0) + 1);
  const teams = [...perTeam].map(([team, n]) => (n > 1 ? `${team} ${n}` : team)).join(", ");
  return `not in ${missing.length} other ${missing.length === 1 ? "copy" : "copies"} (${teams})`;
}

/** Upkeep paid twice: the same change made in several copies, and fixes that reached one copy only. */
export function upkeepLines(ledger: Pick<Ledger, "items">, c: Colors): string[] {
  const repeated = ledger.items.flatMap((item) => item.repeatedChanges.map((r) => ({ item, r })));
  const unshared = ledger.items.flatMap((item) => item.unsharedFixes.map((f) => ({ item, f })));
  if (repeated.length === 0 && unshared.length === 0) return [];
  const out = [c.bold("Upkeep paid twice")];
  for (const { item, r } of repeated.slice(0, 5)) {
    const who = r.changes
      .map((ch) => {
        const n = ch.implementations?.length ?? 1;
        const copies = n > 1 ? ` (${n} copies at once)` : "";
        return `${ch.team} ${short(ch.date)} "${ch.subject}"${copies}`;
      })
      .join("; ");
    out.push(
      `  ${item.title}: the same change (${r.words.join(", ")}) made ${r.changes.length} times: ${who}`,
    );
  }
  for (const { item, f } of unshared.slice(0, 5)) {
    const n = f.implementations?.length ?? 1;
    const where = n > 1 ? ` in ${n} copies at once` : "";
    out.push(
      `  ${item.title}: ${f.team} fixed it${where} on ${short(f.date)} ("${f.subject}"); ${c.yellow(notIn(f.missingIn))} ${c.dim(`(${f.words.slice(0, 4).join(", ")})`)}`,
    );
  }
  const more = Math.max(0, repeated.length - 5) + Math.max(0, unshared.length - 5);
  if (more) out.push(c.dim(`  … and ${more} more (--json: ledger.items[].repeatedChanges, unsharedFixes)`));
  return out;
}

/** Line items, costliest first, with the platform-team comparison and who absorbs the work. */
export function ledgerSection(result: ScanResult, c: Colors, visible: (s: string) => string): string[] {
  const ledger = result.ledger;
  const { currency } = ledger.assumptions;
  const priced = ledger.items.filter((item) => item.redistributedDays.high > 0);
  if (priced.length === 0) return [];
  const rows = priced
    .slice(0, 12)
    .map((item) => [
      item.kind === "unnamed" ? `${item.title} (unnamed)` : item.title,
      String(item.implementations),
      String(item.teams),
      String(item.authors),
      String(item.commits),
      dayRange(item.redistributedDays),
      moneyRange(item.redistributedCost, currency),
    ]);
  const since = ledger.total.quarters[0]?.quarter;
  rows.push([
    c.bold("Total"),
    "",
    "",
    "",
    "",
    c.bold(dayRange(ledger.total.redistributedDays)),
    c.bold(moneyRange(ledger.total.redistributedCost, currency)) + (since ? ` since ${since}` : ""),
  ]);
  const out = [
    c.bold("The line items: what the repeats cost"),
    c.dim("  every writing but the golden path (or, without one, the first writing) and its upkeep"),
    ...alignColumns(
      [["", "writings", "teams", "authors", "commits", "engineer-days", "cost"], ...rows],
      new Set([1, 2, 3, 4]),
      visible,
    ).map((line, index) => `  ${index === 0 ? c.dim(line) : line}`),
  ];
  if (priced.length > 12) out.push(c.dim(`  … and ${priced.length - 12} more line items (ledger --csv)`));
  const upkeep = upkeepLines(ledger, c);
  if (upkeep.length) out.push("", ...upkeep);
  out.push("", ...platformLines(ledger, c, visible));
  const teams = ledger.teams.filter((t) => t.crossCuttingDays > 0);
  if (teams.length) {
    out.push(
      "",
      `Who absorbs it: ${teams
        .slice(0, 8)
        .map((t) => `${t.team} ${Math.round(t.share * 100)}%`)
        .join(", ")} ${c.dim("of their engineers' active days went to repeated cross-cutting code")}`,
    );
  }
  if (ledger.people) {
    const rows = ledger.people
      .filter((p) => p.crossCuttingDays > 0)
      .slice(0, 15)
      .map((p) => [
        `${p.name}${p.email ? ` <${p.email}>` : ""}`,
        p.team ?? "—",
        `${p.crossCuttingDays} of ${p.activeDays} days`,
        `${Math.round(p.share * 100)}%`,
      ]);
    out.push(...alignColumns(rows, new Set([3]), visible).map((line) => `  ${line}`));
  }
  out.push(c.dim(assumptionsLine(ledger)));
  return out;
}

/** Approach A, B or C, with each reason's figure and threshold. */
export function adviceSection(advice: Advice | null, c: Colors): string[] {
  if (!advice) return [];
  const colour = advice.approach === "C" ? c.red : advice.approach === "B" ? c.yellow : c.green;
  return [
    c.bold(`Advice: ${colour(`approach ${advice.approach}`)} — ${advice.title}`),
    ...advice.reasons.map((reason) => `  · ${reason}`),
    `  ${advice.summary}`,
    c.dim(
      "  Thresholds are set under advisor: in lineitem.config.yaml (docs/ledger.md); 'active' counts back from the newest commit scanned.",
    ),
  ];
}
