import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { EXIT, isUserError, packageVersion } from "../shared/index.js";
import { addCheckCommand } from "./check-command.js";
import {
  DEFAULT_WAIT_SECONDS,
  type DemoFlags,
  type PromoteFlags,
  runDemo,
  runPromote,
  runScan,
  type ScanFlags,
} from "./commands.js";
import { addCopiesCommand } from "./copies-command.js";
import { wholeNumber } from "./flags.js";
import type { CliIo } from "./io.js";
import { LEDGER_HELP, type LedgerFlags, runLedger } from "./ledger-command.js";
import { type DbReportFlags, INDEX_HELP, type IndexFlags, runDbReport, runIndex } from "./org-commands.js";
import { REPORT_FORMATS, REPORT_HELP, type ReportFlags, runReport } from "./report-command.js";
import { addServeCommand } from "./serve-command.js";
import { addTrendCommand } from "./trend-command.js";

const SCAN_HELP = `
PATH is a git repository, a folder of repositories (each child with a .git), a monorepo, or a plain
folder (read without history). Several PATHs are scanned as one org.

Configuration is read from --config, else lineitem.config.yaml in the single PATH, else in the current
folder; see docs/config.md. Teams come from config paths, then CODEOWNERS (.github/, root, docs/,
.gitlab/; last matching line wins), then config repos, then the repository name.

Copies are reported as groups (whole units and runs of code; exact, renamed or near-miss), cross-team
groups first. Boilerplate (scaffolding in most files of a folder, shapes everywhere) is counted and listed
with --show-boilerplate; one-shape tables and trivial units are counted. How copies are found and the
thresholds: docs/similarity.md.

Exit codes: 0 done, 2 bad usage, config or input (the message names the file, line or key).

Examples:
  $ lineitem scan ~/src/acme                      a folder of repositories
  $ lineitem scan ~/src/monorepo --json scan.json also write the result as JSON (schema/scan-result.v1.json)
  $ lineitem scan . --json - | jq '.concerns[0]'  JSON on stdout
  $ lineitem scan . --json - | jq '.clones.groups[] | select(.crossTeam)'   copies across teams
`;

const PROMOTE_HELP = `
Unnamed work is code several teams share that matches no concern. Promoting it writes a concern
definition drafted from the cluster (its telling words, its units' names, its files' words) for you to
edit, commit and list under \`concerns:\` in lineitem.config.yaml; the next scan reports it by name.

Examples:
  $ lineitem scan ~/src/acme --json scan.json
  $ jq '.unnamed[] | {id, title}' scan.json
  $ lineitem promote scan.json unnamed-1 --id money-helpers --title "Money helpers"
`;

const DEMO_HELP = `
Builds the Acme example org (examples/acme: 5 repositories, 7 teams, two years of history with fixed
authors and dates, so every build is identical) as real git repositories, scans it, and prints the
sprint-review view. Later commands can be tried on the same folder.

Examples:
  $ lineitem demo                       build in a new temporary folder (its path is printed)
  $ lineitem demo --out ./acme          build in ./acme (must be new, empty, or an earlier demo folder)
`;

/** `--jobs N`: worker threads, a whole number from 1 to 64. */
function jobsOption(): Option {
  return new Option(
    "-j, --jobs <n>",
    "threads that read and parse files (default: the machine's cores)",
  ).argParser(wholeNumber(1, 64));
}

/** --index, --no-index, --no-cache, --wait: where the index is, and how a scan uses it. */
function withIndexOptions(command: Command): Command {
  return command
    .option(
      "--index <file>",
      "the index to keep units, histories and results in (default: .lineitem/index.sqlite beside the config, or in the current folder)",
    )
    .option("--no-index", "keep no index: read, parse and compute everything, store nothing")
    .option(
      "--no-cache",
      "take nothing from the index (parse every file, read all history again); still update it",
    )
    .addOption(
      new Option("--wait <seconds>", "wait this long for another scan writing the same index")
        .default(DEFAULT_WAIT_SECONDS)
        .argParser((value) => {
          const seconds = Number(value);
          if (!Number.isFinite(seconds) || seconds < 0)
            throw new InvalidArgumentError("give seconds, 0 or more.");
          return seconds;
        }),
    );
}

function program(io: CliIo, run: (job: Promise<number>) => void): Command {
  const cli = new Command("lineitem")
    .description(
      "Find the cross-cutting work every team writes again (HTTP clients, retries, audit logs, error " +
        "envelopes, logging, tracing), show who wrote each copy and since when, and put it on a budget line.",
    )
    .addHelpText(
      "after",
      "\nStart with:\n  $ lineitem demo                builds an example org and scans it\n  $ lineitem scan ~/src/my-org   scans your own repositories\n  $ lineitem check --base origin/main   checks a branch against the org before it is merged\n  $ lineitem trend ~/src/my-org  follows each concern quarter by quarter, with the kill criteria\n  $ lineitem serve               a local dashboard over the last scan\n  $ lineitem copies ~/src/my-org only the code copied across teams, fast\n\nDocs: README.md, docs/config.md, docs/concerns.md, docs/trend.md, docs/report.md, docs/check.md\n",
    )
    .version(packageVersion, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  const common = (command: Command) =>
    withIndexOptions(command)
      .addOption(
        new Option(
          "--json <file>",
          "also write the result as JSON to <file> ('-' for stdout, instead of the view)",
        ),
      )
      .option("--include-tests", "count test code too (by default it is recognised and kept out of clusters)")
      .option(
        "--show-boilerplate",
        "list clone groups set aside as boilerplate (scaffolding in most files of a folder, shapes everywhere); they are always counted",
      )
      .option("-q, --quiet", "no progress lines on stderr")
      .addOption(jobsOption())
      .option("--people", "add a row per person to the ledger (names; off: teams only)")
      .option("--emails", "show people's emails beside their names (implies --people)")
      .option("--no-color", "no colours (also honoured: NO_COLOR, FORCE_COLOR)");

  common(
    cli
      .command("scan")
      .description("scan repositories and print, per concern, every implementation with its team and history")
      .argument("<path...>", "repositories, folders of repositories, or monorepos")
      .option("-c, --config <file>", "lineitem.config.yaml to use"),
  )
    .addHelpText("after", SCAN_HELP)
    .action((paths: string[], flags: ScanFlags) => run(runScan(paths, flags, io)));

  common(
    cli
      .command("demo")
      .description("build the example org as git repositories, scan it, and print the result")
      .option("-o, --out <dir>", "build the example org in <dir> instead of a new temporary folder"),
  )
    .addHelpText("after", DEMO_HELP)
    .action((flags: DemoFlags) => run(runDemo(flags, io)));

  withIndexOptions(cli.command("ledger"))
    .description(
      "price the repeats per concern and quarter, beside an MVP platform team, and advise A, B or C",
    )
    .argument("[path...]", "repositories to scan (or use --from)")
    .option("--from <scan.json>", "read a stored scan (`lineitem scan --json FILE`) instead of scanning")
    .option(
      "--csv <file>",
      "also write the ledger as CSV for a spreadsheet ('-' for stdout, instead of the view)",
    )
    .option("--json <file>", "also write the whole result as JSON ('-' for stdout)")
    .option("-c, --config <file>", "lineitem.config.yaml to use")
    .option("--include-tests", "count test code too")
    .option("--people", "add a row per person (names; off: teams only)")
    .option("--emails", "show people's emails beside their names (implies --people)")
    .option("-q, --quiet", "no progress lines on stderr")
    .addOption(jobsOption())
    .option("--no-color", "no colours (also honoured: NO_COLOR, FORCE_COLOR)")
    .addHelpText("after", LEDGER_HELP)
    .action((paths: string[], flags: LedgerFlags) => run(runLedger(paths, flags, io)));

  cli
    .command("report")
    .description(
      "render the last finished scan (terminal, Markdown, JSON, CSV or one HTML file), from the index, a scan file or (--db) the org-wide index",
    )
    .option("--index <file>", "the index (default: .lineitem/index.sqlite in the current folder)")
    .option("--db <url>", "report from the org-wide index on PostgreSQL (postgres://…) instead")
    .option(
      "-c, --config <file>",
      "the lineitem.config.yaml: the index beside it; with --db, the one the repositories were indexed with",
    )
    .option("--from <scan.json>", "render a scan `lineitem scan --json` wrote instead of the index's")
    .addOption(
      new Option(
        "--format <format>",
        "terminal (default), markdown, json, csv (the line items) or html (one self-contained file)",
      ).choices([...REPORT_FORMATS]),
    )
    .option("-o, --out <file>", "write it to <file> instead of stdout")
    .option("--trend <trend.json>", "add a trend `lineitem trend --json` wrote (markdown and html draw it)")
    .option("--json <file>", "also write the result as JSON ('-' for stdout, instead of the view)")
    .option("--people", "with --db: add a row per person to the ledger")
    .option("--emails", "with --db: show people's emails beside their names (implies --people)")
    .option("--show-boilerplate", "with --db: list clone groups set aside as boilerplate")
    .option("-q, --quiet", "no progress lines on stderr")
    .option("--no-color", "no colours (also honoured: NO_COLOR, FORCE_COLOR)")
    .addHelpText("after", REPORT_HELP)
    .action((flags: ReportFlags & DbReportFlags) =>
      run(
        flags.db || (!flags.index && io.env.LINEITEM_DATABASE_URL)
          ? runDbReport(flags, io)
          : runReport(flags, io),
      ),
    );

  cli
    .command("index")
    .description("write repositories to the org-wide index on PostgreSQL (run in each repository's CI)")
    .argument("<path...>", "the repository (or repositories) to index")
    .option(
      "--db <url>",
      "the database (postgres://…; default: LINEITEM_DATABASE_URL, or `database:` in the config)",
    )
    .option("--name <name>", "the repository's name in the index (default: its folder's name)")
    .option("-c, --config <file>", "the org's lineitem.config.yaml (teams, golden paths, concerns)")
    .option("--include-tests", "index test code into clusters too")
    .option("-q, --quiet", "no progress lines on stderr")
    .addOption(jobsOption())
    .addHelpText("after", INDEX_HELP)
    .action((paths: string[], flags: IndexFlags) => run(runIndex(paths, flags, io)));

  cli
    .command("promote")
    .description("draft a concern definition (YAML) from a cluster of unnamed work in a stored scan")
    .argument("<scan.json>", "a result written by `lineitem scan --json FILE`")
    .argument("<unnamed-id>", "the cluster's id in that result (`unnamed-1`, as `.unnamed[].id` shows)")
    .option("--id <id>", "the new concern's id (default: from the cluster's title)")
    .option("--title <title>", "the new concern's title")
    .option("-o, --out <file>", "where to write it (default: concerns/<id>.yaml)")
    .option("--force", "replace the file if it exists")
    .addHelpText("after", PROMOTE_HELP)
    .action((scanFile: string, unnamedId: string, flags: PromoteFlags) =>
      run(Promise.resolve().then(() => runPromote(scanFile, unnamedId, flags, io))),
    );

  addTrendCommand(cli, io, run, { withIndexOptions, jobsOption });
  addServeCommand(cli, io, run);
  addCheckCommand(cli, io, run, jobsOption);
  addCopiesCommand(cli, io, run, jobsOption);

  return cli;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let job: Promise<number> | undefined;
  try {
    await program(io, (started) => {
      job = started;
    }).parseAsync(argv, { from: "user" });
    return job ? await job : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse failure is bad usage.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isUserError(error)) {
      io.stderr(`lineitem: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`);
      return EXIT.usage;
    }
    const err = error as Error;
    io.stderr(
      `lineitem: internal error: ${err.message}\n${err.stack ?? ""}\nPlease report this with the command you ran.\n`,
    );
    return EXIT.internal;
  }
}
