/**
 * CODEOWNERS, GitHub and GitLab syntax. Matching follows GitHub's documented rules, which differ from a
 * gitignore matcher in ways that change who owns what:
 * - the last matching line wins (GitLab: the last match within each section; we take the last overall);
 * - `docs/*` owns the files directly in docs/, not those in its subfolders, and `/*` owns root-level files only;
 * - a pattern without a slash (other than a trailing one) matches at any depth; a leading or inner slash
 *   anchors it to the repository root; a pattern that names a folder owns everything below it;
 * - `!` negation and `[ ]` ranges are not supported by GitHub: such lines are reported and skipped.
 */
import { type PathMatcher, type Piece, pieceMatcher } from "./glob-match.js";

export interface CodeOwnersRule {
  pattern: string;
  owners: string[];
  line: number;
  section?: string;
  matcher: PathMatcher;
}

export interface CodeOwnersProblem {
  line: number;
  message: string;
}

export interface CodeOwners {
  file: string;
  rules: CodeOwnersRule[];
  problems: CodeOwnersProblem[];
}

const OWNER = /^(@[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;
// GitLab section headers: `[Name]`, `^[Optional name]`, `[Name][2]`, each optionally followed by default owners.
const SECTION = /^\^?\[([^\]]+)\](?:\[\d+\])?(.*)$/;

function globPieces(glob: string): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === "*" && glob[i + 1] === "*") {
      const slashAfter = glob[i + 2] === "/";
      // `**/**/` is `**/`: collapsing the repeats keeps the usual hostile form on the fast path.
      if (!(slashAfter && out.at(-1)?.kind === "folders"))
        out.push({ kind: slashAfter ? "folders" : "any-star" });
      i += slashAfter ? 2 : 1;
    } else if (char === "*") out.push({ kind: "segment-star" });
    else if (char === "?") out.push({ kind: "one" });
    else out.push({ kind: "char", char });
  }
  return out;
}

const chars = (text: string): Piece[] => [...text].map((char) => ({ kind: "char", char }));

/**
 * Compiles one CODEOWNERS pattern to a matcher over repository-relative paths (no leading slash): a regex
 * for ordinary patterns, an automaton that cannot backtrack for those with many wildcards (glob-match.ts).
 */
export function compilePattern(pattern: string): PathMatcher {
  if (pattern === "*" || pattern === "/**" || pattern === "**") return /^.+$/;
  const anchored = pattern.startsWith("/") || pattern.slice(0, -1).includes("/");
  const prefix: Piece[] = anchored ? [] : [{ kind: "folders" }];
  const body = pattern.replace(/^\//, "");
  if (body.endsWith("/"))
    return pieceMatcher([...prefix, ...globPieces(body.slice(0, -1)), { kind: "below" }]);
  if (pattern.endsWith("/*") && !pattern.endsWith("/**/*")) {
    const folder = pattern.slice(0, -2).replace(/^\//, "");
    const head = folder ? [...globPieces(folder), ...chars("/")] : [];
    return pieceMatcher([...prefix, ...head, { kind: "segment-plus" }]);
  }
  return pieceMatcher([...prefix, ...globPieces(body), { kind: "maybe-below" }]);
}

/** Splits a line on unescaped whitespace and drops an unescaped `#` comment. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === "\\" && i + 1 < line.length) {
      current += line[i + 1];
      i++;
    } else if (char === "#") break;
    else if (char === " " || char === "\t") {
      if (current) tokens.push(current);
      current = "";
    } else current += char;
  }
  if (current) tokens.push(current);
  return tokens;
}

export function parseCodeOwners(text: string, file = "CODEOWNERS"): CodeOwners {
  const rules: CodeOwnersRule[] = [];
  const problems: CodeOwnersProblem[] = [];
  let section: { name: string; owners: string[] } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith("#")) return;
    const sectionMatch = SECTION.exec(trimmed);
    if (sectionMatch) {
      const owners = tokenize(sectionMatch[2] ?? "");
      section = { name: (sectionMatch[1] as string).trim(), owners };
      return;
    }
    const [pattern, ...owners] = tokenize(trimmed);
    if (!pattern) return;
    if (pattern.startsWith("!")) {
      problems.push({ line, message: `"${pattern}": negation (!) is not supported in CODEOWNERS` });
      return;
    }
    if (/[[\]]/.test(pattern)) {
      problems.push({
        line,
        message: `"${pattern}": character ranges ([ ]) are not supported in CODEOWNERS`,
      });
      return;
    }
    const bad = owners.find((owner) => !OWNER.test(owner));
    if (bad) {
      problems.push({ line, message: `"${bad}" is not an owner (@user, @org/team or an email address)` });
      return;
    }
    const effective = owners.length === 0 && section ? section.owners : owners;
    rules.push({
      pattern,
      owners: effective,
      line,
      matcher: compilePattern(pattern),
      ...(section ? { section: section.name } : {}),
    });
  });
  return { file, rules, problems };
}

/** The rule that decides a path's owners (the last match), or undefined when no line matches. */
export function matchCodeOwners(codeowners: CodeOwners, path: string): CodeOwnersRule | undefined {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i] as CodeOwnersRule;
    if (rule.matcher.test(path)) return rule;
  }
  return undefined;
}
