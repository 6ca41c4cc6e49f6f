import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { type Person, type TimelineCommit, writeTimelineRepo } from "../../src/demo/index.js";

export const ann: Person = { id: "ann", name: "Ann Lee", email: "ann@example.test" };
export const bo: Person = { id: "bo", name: "Bo Diaz", email: "bo@example.test" };
export const cy: Person = { id: "cy", name: "Cy Park", email: "cy@example.test" };
export const bot: Person = {
  id: "bot",
  name: "dependabot[bot]",
  email: "49699333+dependabot[bot]@users.noreply.github.com",
};

/** A temporary folder removed after the test file finishes. */
export function tempDir(prefix = "lineitem-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function commit(
  date: string,
  author: Person,
  message: string,
  files: Record<string, string>,
  extra: Partial<TimelineCommit> = {},
): TimelineCommit {
  return {
    date,
    author,
    message,
    changes: Object.entries(files).map(([path, content]) => ({ op: "write" as const, path, content })),
    ...extra,
  };
}

/** Builds a real git repository with a fixed history in `dir/name`. */
export async function makeRepo(dir: string, name: string, commits: TimelineCommit[]): Promise<string> {
  const root = join(dir, name);
  await writeTimelineRepo({ name, commits }, root);
  return root;
}
