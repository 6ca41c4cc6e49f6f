import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { buildExampleOrg } from "../demo/index.js";
import { renderJson, renderTerminal } from "../report/index.js";
import type { ScanResult } from "../result/index.js";
import { promoteUnnamed, type ScanOptions, scan } from "../scan/index.js";
import { UserError } from "../shared/index.js";
import { type CliIo, useColor, writeOutputFile } from "./io.js";
import { progressReporter } from "./progress.js";

export interface ScanFlags {
  config?: string;
  json?: string;
  includeTests?: boolean;
  showBoilerplate?: boolean;
  quiet?: boolean;
  jobs?: number;
  people?: boolean;
  emails?: boolean;
  /** False with --no-cache. */
  cache?: boolean;
  /** A file with --index FILE, false with --no-index. */
  index?: string | false;
  /** Seconds to wait for another scan writing the same index. */
  wait?: number;
  color: boolean;
}

/** How long a scan waits, by default, for another one writing the same index before giving up. */
export const DEFAULT_WAIT_SECONDS = 30;

/** The scan's index options from the flags: where, whether to take anything from it, how long to wait. */
export function indexFlags(
  flags: Pick<ScanFlags, "index" | "cache" | "wait" | "quiet">,
  io: CliIo,
): Pick<ScanOptions, "index"> {
  if (flags.index === false) return {};
  return {
    index: {
      ...(flags.index ? { file: flags.index } : {}),
      fresh: flags.cache === false,
      waitMs: 1000 * (flags.wait ?? DEFAULT_WAIT_SECONDS),
      onWait: (holder) => {
        if (!flags.quiet) io.stderr(`lineitem: waiting for the scan writing this index (${holder})…\n`);
      },
    },
  };
}

/** The flags every scanning command shares. */
export type ScanningFlags = Pick<
  ScanFlags,
  | "config"
  | "includeTests"
  | "showBoilerplate"
  | "jobs"
  | "people"
  | "emails"
  | "quiet"
  | "index"
  | "cache"
  | "wait"
>;

/**
 * What every command that reads the org takes from its flags (config, tests, threads, people, the
 * index), and progress shown as the flags and the terminal say; `run` gets them and does the work.
 */
export async function withScanning<T>(
  flags: Omit<ScanningFlags, "showBoilerplate">,
  io: CliIo,
  run: (options: Omit<ScanOptions, "paths">) => Promise<T>,
): Promise<T> {
  const reporter = progressReporter(io, flags.quiet);
  try {
    return await run({
      cwd: io.cwd,
      ...(flags.config ? { configFile: flags.config } : {}),
      ...(flags.includeTests ? { includeTests: true } : {}),
      ...(flags.jobs ? { workers: flags.jobs } : {}),
      people: Boolean(flags.people || flags.emails),
      emails: Boolean(flags.emails),
      ...indexFlags(flags, io),
      onProgress: reporter.listener,
    });
  } finally {
    reporter.stop();
  }
}

/** Scans `paths` as the flags say, with progress shown as the flags and the terminal say. */
export function scanWithProgress(paths: string[], flags: ScanningFlags, io: CliIo): Promise<ScanResult> {
  return withScanning(flags, io, (options) =>
    scan({ ...options, paths, ...(flags.showBoilerplate ? { showBoilerplate: true } : {}) }),
  );
}

/**
 * A result as a command with --csv and --json prints it: the CSV or the JSON on stdout when asked with
 * `-`, else the terminal view; and each one asked with a file name written to that file.
 */
export function emitViewCsvJson(
  flags: { csv?: string; json?: string; quiet?: boolean },
  io: CliIo,
  render: { view: () => string; csv: () => string; json: () => string },
): void {
  const toStdout = flags.csv === "-" || flags.json === "-";
  if (flags.csv === "-") io.stdout(render.csv());
  else if (flags.json === "-") io.stdout(render.json());
  else io.stdout(render.view());
  for (const [file, text] of [
    [flags.csv, render.csv],
    [flags.json, render.json],
  ] as const) {
    if (!file || file === "-") continue;
    const path = writeOutputFile(io, file, text());
    if (!flags.quiet && !toStdout) io.stderr(`lineitem: wrote ${path}\n`);
  }
}

function emit(result: ScanResult, flags: ScanFlags, io: CliIo): void {
  if (flags.json === "-") {
    io.stdout(renderJson(result));
    return;
  }
  io.stdout(renderTerminal(result, { color: useColor(io, flags.color) }));
  if (flags.json) {
    const path = writeOutputFile(io, flags.json, renderJson(result));
    if (!flags.quiet) io.stderr(`lineitem: wrote ${path}\n`);
  }
}

export async function runScan(paths: string[], flags: ScanFlags, io: CliIo): Promise<number> {
  const result = await scanWithProgress(paths, flags, io);
  emit(result, flags, io);
  return 0;
}

export interface DemoFlags extends Omit<ScanFlags, "config"> {
  out?: string;
}

export async function runDemo(flags: DemoFlags, io: CliIo): Promise<number> {
  if (!flags.quiet) io.stderr("lineitem: building the Acme example org as git repositories…\n");
  const org = await buildExampleOrg(flags.out ? resolve(io.cwd, flags.out) : undefined);
  const commits = org.repos.reduce((sum, repo) => sum + repo.commits, 0);
  const say = flags.json === "-" ? io.stderr : io.stdout;
  say(`Built the Acme example org in ${org.dir} (${org.repos.length} repositories, ${commits} commits).\n\n`);
  const result = await scanWithProgress([org.dir], flags, io);
  emit(result, { ...flags }, io);
  if (flags.json !== "-") {
    io.stdout(
      `\nScan it again yourself: npx lineitem scan ${org.dir}\n` +
        `Follow it quarter by quarter, with the platform team's kill criteria: npx lineitem trend ${org.dir}\n` +
        `Look at it in a browser: npx lineitem report -c ${org.dir}/lineitem.config.yaml --format html -o acme.html\n`,
    );
  }
  return 0;
}

export interface PromoteFlags {
  id?: string;
  title?: string;
  out?: string;
  force?: boolean;
}

/** `lineitem promote SCAN UNNAMED`: writes a concern definition drafted from a cluster of unnamed work. */
export function runPromote(scanFile: string, unnamedId: string, flags: PromoteFlags, io: CliIo): number {
  const path = resolve(io.cwd, scanFile);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(
      "scan-missing",
      `${scanFile}: cannot read it (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
    );
  }
  const draft = promoteUnnamed(text, scanFile, unnamedId, {
    ...(flags.id ? { id: flags.id } : {}),
    ...(flags.title ? { title: flags.title } : {}),
  });
  const out = flags.out ?? `concerns/${draft.id}.yaml`;
  if (existsSync(resolve(io.cwd, out)) && !flags.force) {
    throw new UserError(
      "output-exists",
      `${out} already exists.`,
      "Pass --force to replace it, or --out another file.",
    );
  }
  const written = writeOutputFile(io, out, draft.yaml);
  io.stdout(
    `Wrote ${relative(io.cwd, written) || written}: the concern "${draft.id}", drafted from ${unnamedId}.\n` +
      `Edit it (docs/concerns.md), list it under \`concerns:\` in lineitem.config.yaml, and scan again.\n`,
  );
  return 0;
}
