import { type Hunk, parseHunkHeader } from "./line-ranges.js";
import { streamGitTokens } from "./stream-git.js";

/** One file's diff in one commit, against one parent. */
export interface FilePatch {
  /** The file's name after the commit (before it, for a deleted file). */
  path: string;
  /** The name before the commit, when the commit renamed it. */
  from?: string;
  /** The commit created the file (`--- /dev/null`). */
  created: boolean;
  hunks: Hunk[];
}

/** A commit's diff against one of its parents (a merge is printed once per parent, in parent order). */
export interface PatchCommit {
  sha: string;
  /** Parents in the simplified history of the paths asked for (git's parent rewriting). */
  parents: string[];
  /** Which parent `files` is the diff against. */
  parentIndex: number;
  date: string;
  people: string[];
  /** The commit's subject line. */
  subject: string;
  files: FilePatch[];
}

/**
 * Each entry's header: `--pretty=oneline` with `--parents` is the one format that says which parent a
 * merge's diff is against (`(from <parent>)`); git prints no entry for a parent the paths did not change
 * against, so counting entries cannot tell. Author, date and subject come from the first pass instead.
 */
const HEADER =
  /^([0-9a-f]{40}|[0-9a-f]{64})((?: (?:[0-9a-f]{40}|[0-9a-f]{64}))*) \(from ([0-9a-f]{40}|[0-9a-f]{64})\)/;
const PLAIN_HEADER = /^([0-9a-f]{40}|[0-9a-f]{64})(?: ([0-9a-f]{40}|[0-9a-f]{64}))?(?: |$)/;

/** What the first pass knows of a commit: author date, people (after .mailmap) and subject. */
export interface CommitMeta {
  date: string;
  people: string[];
  subject: string;
}

/** Text kept per hunk, so a 10 MB generated file in the history costs little: enough to say what changed. */
const MAX_HUNK_LINES = 200;
const MAX_LINE_CHARS = 200;

/** git's C-style quoting of unusual paths (`"a/caf\303\251.ts"`) undone, bytes decoded as UTF-8. */
export function unquotePath(raw: string): string {
  if (!raw.startsWith('"') || !raw.endsWith('"')) return raw;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
  const body = raw.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

const stripPrefix = (path: string, prefix: string) =>
  path.startsWith(prefix) ? path.slice(prefix.length) : path;

/**
 * Streams `git log -p -U0` over the given paths, newest first in topological order (children before
 * parents), with rewritten parents, so line ranges can be followed back along each parent as
 * `git log -L` does. Merges come once per parent (`--diff-merges=separate`). Only hunk headers are kept:
 * with no context lines they say everything about which lines changed.
 *
 * Lines are split on `\n` only: a body line starts with `+`, `-` or `\`, so a stray carriage return or a
 * line that looks like a header inside a file's content can never be taken for one.
 */
export function streamPatches(
  root: string,
  paths: readonly string[],
  onCommit: (commit: PatchCommit) => void,
  /** Author date, people and subject of a commit that is not a merge (merges are charged to nobody). */
  metaOf: (sha: string) => CommitMeta | undefined,
): Promise<void> {
  const args = [
    "-c",
    "log.showSignature=false",
    "-c",
    "diff.noprefix=false",
    "--literal-pathspecs",
    "log",
    "--topo-order",
    "--parents",
    "--diff-merges=separate",
    "-p",
    "-U0",
    // Only files lineitem read as source text are asked for; a .gitattributes that marks them binary
    // (`* binary`, `-diff`) would otherwise leave "Binary files differ" and no lines to follow.
    "--text",
    "-M",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "--pretty=oneline",
    "--no-abbrev-commit",
    "--",
    ...paths,
  ];
  let commit: PatchCommit | undefined;
  let file: FilePatch | undefined;
  let inHunks = false;

  const endFile = () => {
    if (commit && file) commit.files.push(file);
    file = undefined;
  };
  const endCommit = () => {
    endFile();
    if (commit) onCommit(commit);
    commit = undefined;
  };
  const takeLine = (line: string) => {
    // Diff lines never start with a hex digit (content lines start with +, - or \\), so a line that does
    // is an entry's header.
    const merge = HEADER.exec(line);
    const plain = merge ? null : PLAIN_HEADER.exec(line);
    if (merge || plain) {
      endCommit();
      const sha = (merge?.[1] ?? plain?.[1]) as string;
      const parents = merge ? (merge[2] ?? "").split(" ").filter(Boolean) : plain?.[2] ? [plain[2]] : [];
      const meta = merge ? undefined : metaOf(sha);
      commit = {
        sha,
        parents,
        parentIndex: merge ? Math.max(0, parents.indexOf(merge[3] as string)) : 0,
        date: meta?.date ?? "",
        people: meta?.people ?? [],
        subject: meta?.subject ?? "",
        files: [],
      };
      inHunks = false;
      return;
    }
    if (!commit) return;
    if (line.startsWith("diff --git ")) {
      endFile();
      // Fallback name for a diff with no ---/+++ or rename lines (a mode change); renames and content
      // changes name the file again on lines of their own, which cannot be ambiguous.
      const names = / b\/(.*)$/.exec(line);
      file = { path: unquotePath(names?.[1] ?? ""), created: false, hunks: [] };
      inHunks = false;
      return;
    }
    if (!file) return;
    if (inHunks) {
      if (line.startsWith("@@")) {
        const hunk = parseHunkHeader(line);
        if (hunk) file.hunks.push({ ...hunk, addedText: [], removedText: [] });
        return;
      }
      const hunk = file.hunks.at(-1);
      const text = line[0] === "+" ? hunk?.addedText : line[0] === "-" ? hunk?.removedText : undefined;
      if (text && text.length < MAX_HUNK_LINES) text.push(line.slice(1, 1 + MAX_LINE_CHARS));
      return;
    }
    if (line.startsWith("@@")) {
      inHunks = true;
      const hunk = parseHunkHeader(line);
      if (hunk) file.hunks.push({ ...hunk, addedText: [], removedText: [] });
    } else if (line.startsWith("rename from ")) file.from = unquotePath(line.slice("rename from ".length));
    else if (line.startsWith("rename to ")) file.path = unquotePath(line.slice("rename to ".length));
    else if (line.startsWith("new file mode")) file.created = true;
    else if (line === "--- /dev/null") file.created = true;
    else if (line.startsWith("+++ ") && line !== "+++ /dev/null")
      file.path = stripPrefix(unquotePath(line.slice(4)), "b/");
  };

  return streamGitTokens(root, args, "\n", takeLine, endCommit);
}
