import { dirname, resolve } from "node:path";
import {
  renderHtmlReport,
  renderJson,
  renderLedgerCsv,
  renderMarkdown,
  renderTerminal,
} from "../report/index.js";
import type { ScanResult, TrendResult } from "../result/index.js";
import { defaultIndexFile } from "../scan/index.js";
import { UserError } from "../shared/index.js";
import { loadHtmlAssets, reportData, scanFromFile, scanFromIndex, trendFromFile } from "../web/index.js";
import { type CliIo, useColor, writeOutputFile } from "./io.js";

export const REPORT_FORMATS = ["terminal", "markdown", "json", "csv", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFlags {
  index?: string;
  config?: string;
  from?: string;
  trend?: string;
  format?: ReportFormat;
  out?: string;
  json?: string;
  quiet?: boolean;
  color: boolean;
}

export const REPORT_HELP = `
Renders a finished scan without scanning: the last one kept in the index (a scan that was killed or
failed never replaces it), or one written by \`lineitem scan --json\` (--from).

Formats: terminal (the scan's view), markdown (for a planning document), json (schema/scan-result.v1.json),
csv (the line items), html (one self-contained file: no network, fonts or scripts from elsewhere; open it
from disk or mail it). --trend adds a trend (\`lineitem trend --json\`) to markdown and html.

The index is the one a scan keeps: --index FILE, else .lineitem/index.sqlite beside --config FILE, else
in the current folder.

Examples:
  $ lineitem report                                        the index in ./.lineitem/
  $ lineitem report -c ~/src/acme/lineitem.config.yaml     the index beside that config
  $ lineitem report --format html -o report.html           the HTML report
  $ lineitem report --format markdown --trend trend.json > planning.md
  $ lineitem report --from scan.json --format csv -o ledger.csv
`;

/** Where a scan keeps its index: --index, else beside --config, else in the folder it ran in. */
export function indexFileOf(flags: Pick<ReportFlags, "index" | "config">, io: CliIo): string {
  return flags.index
    ? resolve(io.cwd, flags.index)
    : defaultIndexFile(flags.config ? dirname(resolve(io.cwd, flags.config)) : io.cwd);
}

async function render(
  format: ReportFormat,
  scan: ScanResult,
  trend: TrendResult | null,
  source: string,
  color: boolean,
): Promise<string> {
  if (format === "json") return renderJson(scan);
  if (format === "csv") return renderLedgerCsv(scan.ledger);
  if (format === "markdown") return renderMarkdown(scan, trend);
  if (format === "html") return renderHtmlReport(await reportData(scan, trend, source), loadHtmlAssets());
  return renderTerminal(scan, { color });
}

/** `lineitem report`: a finished scan in any of the formats, to stdout or to a file. */
export async function runReport(flags: ReportFlags, io: CliIo): Promise<number> {
  if (flags.from && flags.index)
    throw new UserError("usage", "give either --from a scan file or --index, not both.");
  if (flags.from) {
    return emitReport(scanFromFile(resolve(io.cwd, flags.from)), flags.from, flags, io);
  }
  const file = indexFileOf(flags, io);
  const stored = await scanFromIndex(file);
  return emitReport(
    stored.scan,
    `the index ${file}`,
    flags,
    io,
    `From the scan that finished ${stored.finishedAt} (${file}).\n`,
  );
}

/**
 * Renders a scan as --format says (the trend from --trend added where the format draws it), to -o FILE or
 * stdout; --json FILE also writes the JSON. Shared by the local index, a stored scan and --db.
 */
export async function emitReport(
  scan: ScanResult,
  source: string,
  flags: Pick<ReportFlags, "trend" | "format" | "out" | "json" | "quiet" | "color">,
  io: CliIo,
  finished?: string,
): Promise<number> {
  const trend = flags.trend ? trendFromFile(resolve(io.cwd, flags.trend)) : null;
  // --json - (kept from before --format) means JSON on stdout.
  const format: ReportFormat = flags.format ?? (flags.json === "-" ? "json" : "terminal");
  const color = useColor(io, flags.color) && !flags.out;
  const text = await render(format, scan, trend, source, color);
  if (flags.out && flags.out !== "-") {
    const path = writeOutputFile(io, flags.out, text);
    if (!flags.quiet) io.stderr(`lineitem: wrote ${path}\n`);
  } else {
    io.stdout(text);
    if (format === "terminal" && finished) io.stdout(`\n${finished}`);
  }
  if (flags.json && flags.json !== "-") {
    const path = writeOutputFile(io, flags.json, renderJson(scan));
    if (!flags.quiet) io.stderr(`lineitem: wrote ${path}\n`);
  }
  return 0;
}
