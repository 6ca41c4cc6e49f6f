import hljs from "highlight.js/lib/core";
import csharp from "highlight.js/lib/languages/csharp";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import kotlin from "highlight.js/lib/languages/kotlin";
import python from "highlight.js/lib/languages/python";
import ruby from "highlight.js/lib/languages/ruby";
import typescript from "highlight.js/lib/languages/typescript";

// Only the languages lineitem reads, so the report's module stays small.
const highlighter = hljs.newInstance();
for (const [name, language] of Object.entries({
  csharp,
  go,
  java,
  javascript,
  kotlin,
  python,
  ruby,
  typescript,
})) {
  highlighter.registerLanguage(name, language);
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe to place in HTML, as element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

/**
 * highlight.js's HTML cut into lines: a span open at a line break is closed at its end and opened again
 * on the next line, so each line stands alone (a side-by-side diff shows lines, not whole snippets).
 */
function splitLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = "";
  const tag = /<span[^>]*>|<\/span>|\n/g;
  let last = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    current += html.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[0] === "\n") {
      lines.push(current + "</span>".repeat(open.length));
      current = open.join("");
    } else if (match[0] === "</span>") {
      open.pop();
      current += match[0];
    } else {
      open.push(match[0]);
      current += match[0];
    }
  }
  lines.push(current + html.slice(last));
  return lines;
}

/**
 * Each line of some code as HTML with syntax colours (highlight.js escapes the code itself); a language
 * it does not know is escaped only. Code from scanned repositories is untrusted: nothing of it reaches
 * the page unescaped.
 */
export function highlightLines(lines: readonly string[], language: string): string[] {
  // lineitem names TSX apart from TypeScript (another parse); highlight.js colours both as TypeScript.
  const name = language === "tsx" ? "typescript" : language;
  if (!highlighter.getLanguage(name)) return lines.map(escapeHtml);
  const html = highlighter.highlight(lines.join("\n"), { language: name, ignoreIllegals: true }).value;
  const split = splitLines(html);
  return split.length === lines.length ? split : lines.map(escapeHtml);
}
