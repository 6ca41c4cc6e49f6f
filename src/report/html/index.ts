export { escapeHtml, highlightLines } from "./highlight.js";
export {
  type HtmlAssets,
  type PageData,
  pageData,
  renderHtmlReport,
  renderPage,
  scriptSafeJson,
} from "./page.js";
