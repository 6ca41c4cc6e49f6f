/**
 * A CODEOWNERS pattern as a sequence of pieces, matched either by a regex (fast, for the patterns people
 * write) or by a small automaton that runs in time linear in the path (for patterns with many wildcards).
 * A JavaScript regex backtracks: thirty `**` folders in a row, or `*a*a*a*a*b`, against a deep path takes time
 * that grows as the path's length to the power of the wildcards, so one hostile line in a repository's CODEOWNERS
 * would hang the scan. The automaton tracks every place the match could be at once, so it never backtracks.
 */
export type Piece =
  | { kind: "char"; char: string }
  /** `?`: one character within a path segment. */
  | { kind: "one" }
  /** `*`: any run within a segment. */
  | { kind: "segment-star" }
  /** `**` not followed by a slash: anything. */
  | { kind: "any-star" }
  /** `**` and a slash (and the implicit start of an unanchored pattern): nothing, or any folders. */
  | { kind: "folders" }
  /** `[^/]+` at the end of `dir/*`. */
  | { kind: "segment-plus" }
  /** `/.+` after a folder pattern: something below it. */
  | { kind: "below" }
  /** `(?:/.+)?` at the end of a plain pattern: the path itself, or anything below it. */
  | { kind: "maybe-below" };

export interface PathMatcher {
  test(path: string): boolean;
}

/** Above this many unbounded wildcards, a backtracking regex can be made to take unbounded time. */
const MAX_REGEX_WILDCARDS = 2;
const UNBOUNDED = new Set<Piece["kind"]>(["segment-star", "any-star", "folders"]);

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

const REGEX_OF: Record<Exclude<Piece["kind"], "char">, string> = {
  one: "[^/]",
  "segment-star": "[^/]*",
  "any-star": ".*",
  folders: "(?:.*/)?",
  "segment-plus": "[^/]+",
  below: "/.+",
  "maybe-below": "(?:/.+)?",
};

/** The pieces as a regex: what the automaton must agree with. */
export function pieceRegex(pieces: Piece[]): RegExp {
  const body = pieces.map((p) => (p.kind === "char" ? escapeRegex(p.char) : REGEX_OF[p.kind])).join("");
  return new RegExp(`^${body}$`);
}

export function pieceMatcher(pieces: Piece[]): PathMatcher {
  const wildcards = pieces.filter((piece) => UNBOUNDED.has(piece.kind)).length;
  return wildcards <= MAX_REGEX_WILDCARDS ? pieceRegex(pieces) : automaton(pieces);
}

type Test = (char: string) => boolean;
interface State {
  /** Moves that read no character. */
  free: number[];
  /** Moves that read one character that passes the test. */
  reads: [Test, number][];
}

const anyChar: Test = () => true;
const notSlash: Test = (char) => char !== "/";
const slash: Test = (char) => char === "/";

function automaton(pieces: Piece[]): PathMatcher {
  const states: State[] = [];
  const add = () => states.push({ free: [], reads: [] }) - 1;
  const at = (index: number) => states[index] as State;
  let current = add();
  const loop = (test: Test) => {
    const next = add();
    at(current).free.push(next);
    at(next).reads.push([test, next]);
    current = next;
  };
  const step = (test: Test) => {
    const next = add();
    at(current).reads.push([test, next]);
    current = next;
  };
  for (const piece of pieces) {
    if (piece.kind === "char") step((char) => char === piece.char);
    else if (piece.kind === "one") step(notSlash);
    else if (piece.kind === "segment-star") loop(notSlash);
    else if (piece.kind === "any-star") loop(anyChar);
    else if (piece.kind === "segment-plus") {
      step(notSlash);
      loop(notSlash);
    } else if (piece.kind === "below") {
      step(slash);
      step(anyChar);
      loop(anyChar);
    } else {
      // folders: skip, or any run ending in a slash; maybe-below: skip, or a slash and one character or more.
      const inside = add();
      const after = add();
      at(current).free.push(after);
      if (piece.kind === "folders") {
        at(current).free.push(inside);
        at(inside).reads.push([anyChar, inside], [slash, after]);
      } else {
        const first = add();
        at(current).reads.push([slash, first]);
        at(first).reads.push([anyChar, inside]);
        at(inside).reads.push([anyChar, inside]);
        at(inside).free.push(after);
      }
      current = after;
    }
  }
  const accept = current;
  const close = (set: Set<number>) => {
    for (const index of set) for (const next of at(index).free) set.add(next);
    return set;
  };
  return {
    test(path: string): boolean {
      let live = close(new Set([0]));
      for (const char of path) {
        const next = new Set<number>();
        for (const index of live) for (const [test, to] of at(index).reads) if (test(char)) next.add(to);
        if (next.size === 0) return false;
        live = close(next);
      }
      return live.has(accept);
    },
  };
}
