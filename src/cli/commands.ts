import { resolve } from "node:path";
import { buildExampleOrg } from "../demo/index.js";
import { renderJson, renderTerminal } from "../report/index.js";
import type { ScanResult } from "../result/index.js";
import { scan } from "../scan/index.js";
import { type CliIo, useColor, writeOutputFile } from "./io.js";

export interface ScanFlags {
  config?: string;
  json?: string;
  includeTests?: boolean;
  showBoilerplate?: boolean;
  quiet?: boolean;
  jobs?: number;
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
    onProgress: progress(io, flags.quiet),
  });
  emit(result, { ...flags }, io);
  if (flags.json !== "-") io.stdout(`\nScan it again yourself: npx lineitem scan ${org.dir}\n`);
  return 0;
}
