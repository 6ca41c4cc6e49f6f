import { type Command, InvalidArgumentError, Option } from "commander";
import { renderJson, renderTrendCsv, renderTrendView } from "../report/index.js";
import { trend } from "../scan/index.js";
import { isCalendarDay } from "../shared/index.js";
import { emitViewCsvJson, type ScanningFlags, withScanning } from "./commands.js";
import { wholeNumber } from "./flags.js";
import { type CliIo, useColor } from "./io.js";

export interface TrendFlags extends Omit<ScanningFlags, "showBoilerplate"> {
  every?: "quarter" | "month";
  points?: number;
  at?: string[];
  json?: string;
  csv?: string;
  color: boolean;
}

export const TREND_HELP = `
The org as it was at each past quarter end (or month end, or the days given), computed from the
repositories' own history: each repository's tree at that date, read from git without a checkout, its
units taken from the index by content so that only files that changed between points are parsed. Then,
per concern and point: implementations, teams with their own, teams on the golden path, teams migrating
(both); onboarding per quarter cohort (days from a newcomer's first commit to their Nth, and to their
first commit outside their first repository); and the kill criteria a platform team is judged by —
golden-path uptake, deduplication of its charter's concerns, onboarding time — against the day it
started, with the verdict after its runway: keep the team, or dissolve it and return to the federated
model. The platform team, its charter and the thresholds are set under platformTeam: and trend: in
lineitem.config.yaml; see docs/trend.md.

Newcomers are counted, not named. --people lists each one (names); --emails adds their emails.

Exit codes: 0 done, 2 bad usage, config or input.

Examples:
  $ lineitem trend ~/src/acme                          8 quarter ends and now, with the verdict
  $ lineitem trend ~/src/acme --every month --points 12
  $ lineitem trend ~/src/acme --at 2025-06-30,2026-06-30
  $ lineitem trend ~/src/acme --csv trend.csv          also write a long table for a spreadsheet
  $ lineitem trend ~/src/acme --json - | jq '.killCriteria'
`;

/** `--at 2025-06-30,2026-06-30`: real calendar days, oldest to newest. */
function parseDays(value: string): string[] {
  const days = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (days.length === 0)
    throw new InvalidArgumentError("give one or more days as YYYY-MM-DD, comma-separated.");
  for (const day of days) {
    if (!isCalendarDay(day)) throw new InvalidArgumentError(`${day} is not a day as YYYY-MM-DD.`);
  }
  return [...new Set(days)].sort();
}

/** `lineitem trend PATH…`: compute the points, print the view, write JSON and CSV where asked. */
export async function runTrend(paths: string[], flags: TrendFlags, io: CliIo): Promise<number> {
  const result = await withScanning(flags, io, (options) =>
    trend({
      ...options,
      paths,
      ...(flags.every ? { every: flags.every } : {}),
      ...(flags.points ? { points: flags.points } : {}),
      ...(flags.at ? { dates: flags.at } : {}),
    }),
  );
  emitViewCsvJson(flags, io, {
    view: () => renderTrendView(result, { color: useColor(io, flags.color) }),
    csv: () => renderTrendCsv(result),
    json: () => renderJson(result),
  });
  return 0;
}

/** Adds `lineitem trend` to the program, with the index options and --jobs the other commands share. */
export function addTrendCommand(
  cli: Command,
  io: CliIo,
  run: (job: Promise<number>) => void,
  shared: { withIndexOptions: (command: Command) => Command; jobsOption: () => Option },
): void {
  shared
    .withIndexOptions(cli.command("trend"))
    .description(
      "follow each concern quarter by quarter from history: implementations, golden-path uptake, onboarding time, and the kill-criteria verdict",
    )
    .argument(
      "<path...>",
      "repositories, folders of repositories, or monorepos (git: the past comes from history)",
    )
    .option("-c, --config <file>", "lineitem.config.yaml to use (platformTeam:, trend:, goldenPaths:)")
    .addOption(
      new Option(
        "--every <period>",
        "points at the end of each quarter or month (default: trend.every, quarter)",
      ).choices(["quarter", "month"]),
    )
    .addOption(
      new Option(
        "--points <n>",
        "how many period ends before the newest commit (default: trend.points, 8)",
      ).argParser(wholeNumber(1, 60)),
    )
    .addOption(
      new Option("--at <days>", "these days instead of period ends (YYYY-MM-DD, comma-separated)").argParser(
        parseDays,
      ),
    )
    .option("--json <file>", "also write the trend as JSON ('-' for stdout, instead of the view)")
    .option("--csv <file>", "also write it as one long CSV table ('-' for stdout, instead of the view)")
    .option("--people", "list each newcomer by name (off: cohorts only)")
    .option("--emails", "show newcomers' emails beside their names (implies --people)")
    .option("--include-tests", "count test code too")
    .option("-q, --quiet", "no progress lines on stderr")
    .addOption(shared.jobsOption())
    .option("--no-color", "no colours (also honoured: NO_COLOR, FORCE_COLOR)")
    .addHelpText("after", TREND_HELP)
    .action((paths: string[], flags: TrendFlags) => run(runTrend(paths, flags, io)));
}
