import { type Command, Option } from "commander";
import {
  renderCheckAnnotations,
  renderCheckMarkdown,
  renderCheckSarif,
  renderCheckView,
  renderJson,
} from "../report/index.js";
import type { CheckResult } from "../result/index.js";
import { check, type FailOn, reachesFailOn } from "../scan/index.js";
import { EXIT, UserError } from "../shared/index.js";
import { wholeNumber } from "./flags.js";
import { type CliIo, useColor, writeOutputFile } from "./io.js";

export interface CheckFlags {
  base?: string;
  head?: string;
  config?: string;
  index?: string;
  db?: string;
  repo?: string;
  format: Format;
  json?: string;
  sarif?: string;
  markdown?: string;
  failOn: FailOn;
  maxFiles?: number;
  pathPrefix?: string;
  jobs?: number;
  quiet?: boolean;
  color: boolean;
}

type Format = "terminal" | "markdown" | "sarif" | "annotations" | "json";

export const CHECK_HELP = `
Reads only what a change adds or modifies — the units (functions, methods, classes) whose lines the diff
from the merge base of BASE and HEAD touches; a file only renamed flags nothing — and looks each up in
the org index: is it a concern (retry, HTTP client, audit log, …) that another team already implements,
or that has a golden path? Is it a copy of code another team owns? Each finding names the existing
implementations (team, repository, path, lines), the golden path and its owner, and how the new code's
parameters differ from the golden path's.

The index is the one \`lineitem scan\` keeps (--index FILE, else .lineitem/index.sqlite beside the
config), or the org-wide index on PostgreSQL (--db URL, or LINEITEM_DATABASE_URL). HEAD left out is the
checked-out commit with the working tree's edits; a HEAD given is read from git's objects.

A deliberate copy is allowed with a comment on or just above it — \`// lineitem-ignore retry -- the
vendor SDK needs its own backoff\` (\`copy\` for copies, \`*\` for any) — or a check.allow entry in
lineitem.config.yaml; the reason is reported. See docs/check.md.

--base defaults to origin/$GITHUB_BASE_REF in a GitHub pull request and to
$CI_MERGE_REQUEST_DIFF_BASE_SHA in a GitLab merge request.

Exit codes: 0 done (findings inform unless --fail-on), 1 findings at or above --fail-on, 2 bad usage,
config or input (a base that does not exist, a shallow clone without it, no index yet).

Examples:
  $ lineitem check --base origin/main                        the branch and working tree against main
  $ lineitem check --base main --head feature/search -c ../lineitem.config.yaml
  $ lineitem check --base origin/main --format markdown > comment.md
  $ lineitem check --base origin/main --sarif lineitem.sarif --fail-on warning
  $ lineitem check --base origin/main --format annotations   GitHub workflow annotations
  $ lineitem check --base origin/main --db postgres://ci@db/lineitem --json check.json
`;

/** The base from the flag, else from the CI's pull or merge request. */
function baseOf(flags: CheckFlags, io: CliIo): string {
  if (flags.base) return flags.base;
  if (io.env.GITHUB_BASE_REF) return `origin/${io.env.GITHUB_BASE_REF}`;
  if (io.env.CI_MERGE_REQUEST_DIFF_BASE_SHA) return io.env.CI_MERGE_REQUEST_DIFF_BASE_SHA;
  throw new UserError(
    "usage",
    "lineitem check needs --base: the branch the change will merge into (e.g. --base origin/main).",
  );
}

function render(result: CheckResult, format: Format, flags: CheckFlags, io: CliIo): string {
  switch (format) {
    case "json":
      return renderJson(result);
    case "markdown":
      return renderCheckMarkdown(result);
    case "sarif":
      return renderCheckSarif(result, flags.pathPrefix);
    case "annotations":
      return renderCheckAnnotations(result, flags.pathPrefix);
    default:
      return renderCheckView(result, { color: useColor(io, flags.color) });
  }
}

/** `lineitem check`: the change against the org index, rendered; exit 1 only when --fail-on is reached. */
export async function runCheck(path: string | undefined, flags: CheckFlags, io: CliIo): Promise<number> {
  const result = await check({
    cwd: io.cwd,
    ...(path ? { path } : {}),
    base: baseOf(flags, io),
    ...(flags.head ? { head: flags.head } : {}),
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(flags.index ? { index: flags.index } : {}),
    ...(flags.db || (!flags.index && io.env.LINEITEM_DATABASE_URL)
      ? { db: flags.db ?? io.env.LINEITEM_DATABASE_URL }
      : {}),
    ...(flags.repo ? { repo: flags.repo } : {}),
    ...(flags.maxFiles ? { maxFiles: flags.maxFiles } : {}),
    ...(flags.jobs ? { workers: flags.jobs } : {}),
    failOn: flags.failOn,
  });
  const files = [
    [flags.json, "json"],
    [flags.sarif, "sarif"],
    [flags.markdown, "markdown"],
  ] as const;
  // `--json -` (or --sarif -, --markdown -) prints that output instead of --format's.
  const toStdout = files.find(([file]) => file === "-")?.[1] ?? flags.format;
  io.stdout(render(result, toStdout, flags, io));
  for (const [file, format] of files) {
    if (!file || file === "-") continue;
    const written = writeOutputFile(io, file, render(result, format, flags, io));
    if (!flags.quiet) io.stderr(`lineitem: wrote ${written}\n`);
  }
  return reachesFailOn(result) ? EXIT.findings : EXIT.ok;
}

/** Adds `lineitem check` to the program. */
export function addCheckCommand(
  cli: Command,
  io: CliIo,
  run: (job: Promise<number>) => void,
  jobsOption: () => Option,
): void {
  cli
    .command("check")
    .description(
      "check a change (a branch or pull request) for work another team already did: concerns with existing implementations or a golden path, and copies of their code",
    )
    .argument("[path]", "the repository the change is in (default: the current folder)")
    .option("--base <ref>", "the branch the change merges into (default: origin/$GITHUB_BASE_REF in CI)")
    .option("--head <ref>", "the change's last commit (default: HEAD and the working tree)")
    .option("-c, --config <file>", "the org's lineitem.config.yaml (golden paths, teams, check.allow)")
    .option("--index <file>", "the index a scan kept (default: .lineitem/index.sqlite beside the config)")
    .option("--db <url>", "look up in the org-wide index on PostgreSQL (postgres://…) instead")
    .option("--repo <name>", "the repository's name in the index (default: its folder's name)")
    .addOption(
      new Option("--format <format>", "what to print on stdout")
        .choices(["terminal", "markdown", "sarif", "annotations", "json"])
        .default("terminal"),
    )
    .option("--json <file>", "also write the result as JSON (schema/check-result.v1.json; '-' for stdout)")
    .option("--sarif <file>", "also write SARIF 2.1.0 for GitHub code scanning ('-' for stdout)")
    .option(
      "--markdown <file>",
      "also write Markdown for a pull-request comment or job summary ('-' for stdout)",
    )
    .addOption(
      new Option("--fail-on <level>", "exit 1 when a finding reaches this level (note: any finding)")
        .choices(["off", "warning", "note"])
        .default("off"),
    )
    .addOption(
      new Option(
        "--max-files <n>",
        "read at most this many changed source files (default: check.maxFiles, 300); a larger change is checked in part and says so",
      ).argParser(wholeNumber(1)),
    )
    .option(
      "--path-prefix <dir>",
      "the repository's folder inside the workspace, for SARIF and annotation paths (default: none)",
    )
    .option("-q, --quiet", "say nothing on stderr")
    .addOption(jobsOption())
    .option("--no-color", "no colours (also honoured: NO_COLOR, FORCE_COLOR)")
    .addHelpText("after", CHECK_HELP)
    .action((path: string | undefined, flags: CheckFlags) => run(runCheck(path, flags, io)));
}
