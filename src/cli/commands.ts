import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { buildExampleOrg } from "../demo/index.js";
import { renderJson, renderTerminal } from "../report/index.js";
import type { ScanResult } from "../result/index.js";
import { promoteUnnamed, scan } from "../scan/index.js";
import { UserError } from "../shared/index.js";
import { type CliIo, useColor, writeOutputFile } from "./io.js";

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
  color: boolean;
}

function progress(io: CliIo, quiet: boolean | undefined): (message: string) => void {
  return quiet ? () => {} : (message) => io.stderr(`lineitem: ${message}…\n`);
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
  const result = await scan({
    paths,
    cwd: io.cwd,
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(flags.includeTests ? { includeTests: true } : {}),
    ...(flags.showBoilerplate ? { showBoilerplate: true } : {}),
    ...(flags.jobs ? { workers: flags.jobs } : {}),
    people: Boolean(flags.people || flags.emails),
    emails: Boolean(flags.emails),
    cache: flags.cache !== false,
    onProgress: progress(io, flags.quiet),
  });
  emit(result, flags, io);
  return 0;
}

export interface DemoFlags extends Omit<ScanFlags, "config"> {
  out?: string;
}

export async function runDemo(flags: DemoFlags, io: CliIo): Promise<number> {
  progress(io, flags.quiet)("building the Acme example org as git repositories");
  const org = await buildExampleOrg(flags.out ? resolve(io.cwd, flags.out) : undefined);
  const commits = org.repos.reduce((sum, repo) => sum + repo.commits, 0);
  const say = flags.json === "-" ? io.stderr : io.stdout;
  say(`Built the Acme example org in ${org.dir} (${org.repos.length} repositories, ${commits} commits).\n\n`);
  const result = await scan({
    paths: [org.dir],
    cwd: io.cwd,
    ...(flags.includeTests ? { includeTests: true } : {}),
    ...(flags.showBoilerplate ? { showBoilerplate: true } : {}),
    ...(flags.jobs ? { workers: flags.jobs } : {}),
    people: Boolean(flags.people || flags.emails),
    emails: Boolean(flags.emails),
    cache: flags.cache !== false,
    onProgress: progress(io, flags.quiet),
  });
  emit(result, { ...flags }, io);
  if (flags.json !== "-") io.stdout(`\nScan it again yourself: npx lineitem scan ${org.dir}\n`);
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
