export { renderCheckAnnotations } from "./check-annotations.js";
export { renderCheckMarkdown } from "./check-markdown.js";
export { renderCheckSarif, SARIF_LIMITS } from "./check-sarif.js";
export { renderCheckView } from "./check-view.js";
export {
  type CopiesViewOptions,
  renderCopiesMarkdown,
  renderCopiesSarif,
  renderCopiesView,
} from "./copies.js";
export {
  escapeHtml,
  type HtmlAssets,
  type PageData,
  pageData,
  renderHtmlReport,
  renderPage,
} from "./html/index.js";
export { renderJson } from "./json.js";
export { renderLedgerCsv } from "./ledger-csv.js";
export { mdText, renderMarkdown } from "./markdown.js";
export { renderLedgerView, renderTerminal, type TerminalOptions } from "./terminal.js";
export { renderTrendCsv } from "./trend-csv.js";
export { renderTrendView, sparkline } from "./trend-view.js";
