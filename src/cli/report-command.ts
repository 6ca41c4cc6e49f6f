import { dirname, resolve } from "node:path";
import { renderJson, renderTerminal } from "../report/index.js";
import { defaultIndexFile, readIndexedScan } from "../scan/index.js";
import { type CliIo, useColor, writeOutputFile } from "./io.js";

export interface ReportFlags {
  index?: string;
  config?: string;
  json?: string;
  color: boolean;
}

export const REPORT_HELP = `
Prints the last finished scan kept in the index, without scanning: what \`lineitem scan\` printed then.
A scan that was killed or failed never replaces it, so this is always a complete result.

The index is the one a scan keeps: --index FILE, else .lineitem/index.sqlite beside --config FILE, else
in the current folder.

Examples:
  $ lineitem report                              the index in ./.lineitem/
  $ lineitem report -c ~/src/acme/lineitem.config.yaml   the index beside that config
  $ lineitem report --index ci/.lineitem/index.sqlite --json scan.json
`;

/** `lineitem report`: the newest complete scan from the index, as the terminal view or JSON. */
export async function runReport(flags: ReportFlags, io: CliIo): Promise<number> {
  // Where a scan keeps it: beside its config, or in the folder it ran in.
  const file = flags.index
    ? resolve(io.cwd, flags.index)
    : defaultIndexFile(flags.config ? dirname(resolve(io.cwd, flags.config)) : io.cwd);
  const { result, finishedAt } = await readIndexedScan(file);
  if (flags.json === "-") {
    io.stdout(renderJson(result));
    return 0;
  }
  io.stdout(renderTerminal(result, { color: useColor(io, flags.color) }));
  io.stdout(`\nFrom the scan that finished ${finishedAt} (${file}).\n`);
  if (flags.json) io.stderr(`lineitem: wrote ${writeOutputFile(io, flags.json, renderJson(result))}\n`);
  return 0;
}
