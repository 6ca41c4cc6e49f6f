/**
 * oxc parses recursively in native code: a few thousand levels of nesting (brackets, `else if` chains,
 * `a = b = …`, `!!!…`, `x ? y : z ? …`) overflow the thread's stack, and a native stack overflow kills
 * the whole process, not just the file. So before oxc sees a file, one linear pass bounds how deep it can
 * nest, and a file over the limit is reported as not parsed instead. The bound is generous rather than
 * exact: bracket depth plus, at each bracket level, the operators and chaining keywords of the current
 * statement; strings, comments and template text are skipped so that what they hold cannot hide or add
 * nesting.
 */

/** Far above real code (a few dozen levels), far below where oxc overflows a thread's 8 MB stack (≈6,000). */
export const MAX_NESTING = 3000;

const OPERATOR = new Set("=?:!~+-*/%&|^<>".split(""));
const CHAIN_WORDS = new Set(["else", "if", "await", "new", "typeof", "void", "delete", "yield", "in", "of"]);
const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const WORD = /[A-Za-z_$]/;

export interface NestingVerdict {
  depth: number;
  /** Offset where the bound first passed the limit, when it did. */
  offset?: number;
}

/**
 * Whether the statement goes on after the line break at `at`: the line ends in an operator, or the next
 * starts with one (or with `.`, or `else`). Otherwise a line break ends a statement, as it does without
 * semicolons, and a long file in that style does not add up as one statement.
 */
function continues(text: string, at: number, last: string): boolean {
  if (OPERATOR.has(last)) return true;
  const next = /\S/.exec(text.slice(at, at + 200));
  const char = next?.[0] ?? "";
  return OPERATOR.has(char) || char === "." || text.startsWith("else", at + (next?.index ?? 0));
}

/** An upper bound on how deep oxc would recurse on `text`, stopping as soon as it passes `limit`. */
export function nestingBound(text: string, limit: number = MAX_NESTING): NestingVerdict {
  // One frame per open bracket: the closer it expects, and the chain run of the statement inside it.
  const closers: string[] = [];
  const runs: number[] = [0];
  /** Template literals open: the bracket depth at which each `${` returns to template text. */
  const templates: number[] = [];
  let max = 0;
  let i = 0;
  /** The last character that was not white space: a line ending in an operator continues its statement. */
  let last = "";
  const bump = (by: number) => {
    runs[runs.length - 1] = (runs.at(-1) ?? 0) + by;
    const depth = closers.length + (runs.at(-1) ?? 0);
    if (depth > max) max = depth;
  };
  const skipString = (quote: string) => {
    for (i++; i < text.length; i++) {
      const char = text[i];
      if (char === "\\") i++;
      else if (char === quote || char === "\n") return;
    }
  };
  const skipTemplateText = () => {
    for (i++; i < text.length; i++) {
      const char = text[i];
      if (char === "\\") i++;
      else if (char === "`") return;
      else if (char === "$" && text[i + 1] === "{") {
        i++;
        templates.push(closers.length);
        closers.push("}");
        runs.push(0);
        bump(0);
        return;
      }
    }
  };
  for (; i < text.length; i++) {
    if (max > limit) return { depth: max, offset: i };
    const char = text[i] as string;
    if (char === "\n") {
      if (!continues(text, i, last)) runs[runs.length - 1] = 0;
      continue;
    }
    if (char !== " " && char !== "\t" && char !== "\r") last = char;
    if (char === "\\") i++;
    else if (char === '"' || char === "'") skipString(char);
    else if (char === "`") skipTemplateText();
    else if (char === "/" && text[i + 1] === "/")
      i = text.indexOf("\n", i) === -1 ? text.length : text.indexOf("\n", i);
    else if (char === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (OPENERS[char]) {
      closers.push(OPENERS[char] as string);
      runs.push(0);
      bump(0);
    } else if (char === closers.at(-1)) {
      // A closer that does not match the innermost opener (a `)` in a regex class) is ignored.
      closers.pop();
      runs.pop();
      if (char === "}" && templates.at(-1) === closers.length) {
        templates.pop();
        skipTemplateText();
      }
    } else if (char === ";" || char === ",") runs[runs.length - 1] = 0;
    else if (OPERATOR.has(char)) bump(1);
    else if (WORD.test(char)) {
      let end = i + 1;
      while (end < text.length && /[\w$]/.test(text[end] as string)) end++;
      if (CHAIN_WORDS.has(text.slice(i, end))) bump(1);
      i = end - 1;
    }
  }
  return max > limit ? { depth: max, offset: text.length } : { depth: max };
}
