import { createHash } from "node:crypto";
import { type CodeExcerpt, type ReportData, runsText, whereText } from "../../result/index.js";
import { escapeHtml, highlightLines } from "./highlight.js";

/** The page's own code and the two libraries it draws with, as text (read from the package by the caller). */
export interface HtmlAssets {
  appJs: string;
  appCss: string;
  /** uPlot (charts with their numbers on hover). */
  chartJs: string;
  chartCss: string;
  /** jsdiff (the side-by-side comparison). */
  diffJs: string;
}

/** An excerpt as the page draws it: its lines as text (compared) and as highlighted HTML (shown). */
export type PageExcerpt = CodeExcerpt & { html: string[] };

/** Where an implementation is, as its row shows it: the first run of its work, and every run on hover. */
export interface PageWhere {
  text: string;
  runs: string;
}

/**
 * What the page's script reads: the report data with its code highlighted, each implementation's place
 * worded once here (as the terminal and Markdown word it), and a version to poll.
 */
export interface PageData extends Omit<ReportData, "excerpts"> {
  excerpts: Record<string, PageExcerpt>;
  where: Record<string, PageWhere>;
  version: string;
}

/** The report's data, each excerpt highlighted here (escaped by highlight.js), ready for the page. */
export function pageData(data: ReportData): PageData {
  const excerpts: Record<string, PageExcerpt> = {};
  for (const [key, excerpt] of Object.entries(data.excerpts)) {
    excerpts[key] = { ...excerpt, html: highlightLines(excerpt.lines, excerpt.language) };
  }
  const where: Record<string, PageWhere> = {};
  for (const concern of data.scan.concerns) {
    for (const impl of concern.implementations)
      where[impl.id] = { text: whereText(impl.path, impl), runs: runsText(impl) };
  }
  const version = createHash("sha256")
    .update(`${data.scan.generatedAt}\0${data.trend?.generatedAt ?? ""}`)
    .digest("hex")
    .slice(0, 16);
  return { ...data, excerpts, where, version };
}

/**
 * JSON inside a `<script type="application/json">`: `<` is written as its escape so no `</script>` or
 * `<!--` in scanned code can end the element, and the two line separators JavaScript once rejected too.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const hashOf = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The page: one HTML document with its styles and scripts inline. Its Content-Security-Policy lets only
 * those scripts run (by their hashes) and, for a report file, fetch nothing at all: even if something in
 * scanned code slipped past the escaping, it could neither run nor call out.
 */
export function renderPage(
  assets: HtmlAssets,
  options: { mode: "file" | "live"; data?: PageData; title: string },
): string {
  // A literal `</script` inside a script would end its element early; written `<\/script` it is the same
  // string to JavaScript.
  const scripts = [assets.chartJs, assets.diffJs, assets.appJs].map((script) =>
    script.replace(/<\/script/gi, "<\\/script"),
  );
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(hashOf).join(" ")}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    options.mode === "live" ? "connect-src 'self'" : "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const data =
    options.mode === "file" && options.data
      ? `<script type="application/json" id="lineitem-data">${scriptSafeJson(options.data)}</script>\n`
      : "";
  return `<!doctype html>
<html lang="en" data-mode="${options.mode}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<style>${assets.chartCss}\n${assets.appCss}</style>
</head>
<body>
<div id="app"><p>Loading…</p></div>
<noscript><p>This report draws itself with JavaScript; the same figures are in lineitem report --format markdown.</p></noscript>
${data}${scripts.map((script) => `<script>${script}</script>`).join("\n")}
</body>
</html>
`;
}

/** The HTML report: one self-contained file (no network, fonts or scripts from elsewhere) to open or mail. */
export function renderHtmlReport(data: ReportData, assets: HtmlAssets): string {
  return renderPage(assets, { mode: "file", data: pageData(data), title: "lineitem report" });
}
