import { type Command, Option } from "commander";
import { renderCopiesMarkdown, renderCopiesSarif, renderCopiesView, renderJson } from "../report/index.js";
import { findCopies } from "../scan/index.js";
import { wholeNumber } from "./flags.js";
import { type CliIo, useColor, writeOutputFile } from "./io.js";
import { progressReporter } from "./progress.js";

type Format = "terminal" | "markdown" | "sarif" | "json";

interface CopiesFlags {
  config?: string;
  format: Format;
  json?: string;
  sarif?: string;
  markdown?: string;
  includeTests?: boolean;
  showBoilerplate?: boolean;
  minTokens?: number;
  top: number;
  jobs?: number;
  quiet?: boolean;
  color: boolean;
}

const COPIES_HELP = `
The copy search on its own, for the job people bring a copy-paste detector to: every copy of code across
the org as one group (17 copies are one finding, not 16 pairs), each member with its team (config paths,
CODEOWNERS, config repos, the repository's name), the golden-path or \`canonical\` member marked ◆,
cross-team groups first. Whole functions and runs of code inside them; exact, renamed (other names or
values) or near-miss (statements added, removed or changed). Boilerplate is counted, not listed, unless
--show-boilerplate; test code is left out unless --include-tests.

It reads no concerns and no history and keeps no index, which makes it several times faster than
\`lineitem scan\`: JavaScript and TypeScript are read by a lexer, with no syntax tree. Sizes are in lexer
tokens (\`const x = f(a, b);\` is 10), as in jscpd: a copied run counts from 50 (--min-tokens).

Exit codes: 0 done, 2 bad usage, config or input (the message names the file, line or key).

Examples:
  $ lineitem copies ~/src/acme                            the cross-team groups, largest first
  $ lineitem copies . --format sarif > copies.sarif       for code scanning
  $ lineitem copies . --json copies.json --top 30         the terminal view of 30 groups, and every group as JSON
  $ lineitem copies . --format json | jq '.clones.groups[] | select(.crossTeam) | .members | length'
`;

export function addCopiesCommand(
  cli: Command,
  io: CliIo,
  run: (job: Promise<number>) => void,
  jobsOption: () => Option,
): void {
  cli
    .command("copies")
    .description(
      "find code copied across teams, fast: clone groups with their owners, no concerns or history",
    )
    .argument("<path...>", "repositories, folders of repositories, or monorepos")
    .option("-c, --config <file>", "lineitem.config.yaml to use (teams, include/exclude, canonical)")
    .addOption(
      new Option("-f, --format <format>", "what to print on stdout")
        .choices(["terminal", "markdown", "sarif", "json"])
        .default("terminal"),
    )
    .option("--json <file>", "also write the result as JSON to <file> (schema/copies-result.v1.json)")
    .option("--sarif <file>", "also write SARIF 2.1.0 to <file>")
    .option("--markdown <file>", "also write Markdown to <file>")
    .option("--include-tests", "look for copies in test code too")
    .option("--show-boilerplate", "list the groups set aside as boilerplate (always counted)")
    .addOption(
      new Option("--min-tokens <n>", "a copied run counts from this many lexer tokens").argParser(
        wholeNumber(10, 10_000),
      ),
    )
    .addOption(
      new Option("--top <n>", "cross-team groups shown in the terminal and Markdown")
        .default(10)
        .argParser(wholeNumber(1, 100_000)),
    )
    .addOption(jobsOption())
    .option("-q, --quiet", "no progress lines on stderr")
    .option("--no-color", "no colours (also honoured: NO_COLOR, FORCE_COLOR)")
    .addHelpText("after", COPIES_HELP)
    .action((paths: string[], flags: CopiesFlags) => run(runCopies(paths, flags, io)));
}

async function runCopies(paths: string[], flags: CopiesFlags, io: CliIo): Promise<number> {
  const reporter = progressReporter(io, flags.quiet);
  const result = await findCopies({
    paths,
    cwd: io.cwd,
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(flags.includeTests ? { includeTests: true } : {}),
    ...(flags.showBoilerplate ? { showBoilerplate: true } : {}),
    ...(flags.minTokens ? { minTokens: flags.minTokens } : {}),
    ...(flags.jobs ? { workers: flags.jobs } : {}),
    onProgress: reporter.listener,
  }).finally(() => reporter.stop());
  const render: Record<Format, () => string> = {
    terminal: () => renderCopiesView(result, { color: useColor(io, flags.color), shown: flags.top }),
    markdown: () => renderCopiesMarkdown(result, flags.top),
    sarif: () => renderCopiesSarif(result),
    json: () => renderJson(result),
  };
  io.stdout(render[flags.format]());
  for (const [file, format] of [
    [flags.json, "json"],
    [flags.sarif, "sarif"],
    [flags.markdown, "markdown"],
  ] as const) {
    if (!file) continue;
    const path = writeOutputFile(io, file, render[format]());
    if (!flags.quiet) io.stderr(`lineitem: wrote ${path}\n`);
  }
  return 0;
}
