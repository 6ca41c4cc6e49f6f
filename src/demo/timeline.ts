/**
 * A repository history written as data: who committed what, when. The example org and the tests' small
 * fixture repositories are both built from this shape, so every history a test relies on is reproducible
 * to the byte (fixed authors, dates and contents; no user git config involved).
 */
export interface Person {
  id: string;
  name: string;
  email: string;
}

export type FileChange =
  | { op: "write"; path: string; content: string | Buffer }
  | { op: "delete"; path: string }
  | { op: "rename"; from: string; to: string };

export interface TimelineCommit {
  /** ISO 8601 with an explicit offset, e.g. `2024-10-07T09:30:00+02:00`. */
  date: string;
  author: Person;
  committer?: Person;
  message: string;
  coauthors?: Person[];
  changes: FileChange[];
}

export interface TimelineRepo {
  name: string;
  commits: TimelineCommit[];
}
