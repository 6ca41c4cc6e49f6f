import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { git } from "../git/index.js";
import type { Person, TimelineCommit, TimelineRepo } from "./timeline.js";

/** Git must not read the user's or the system's config: signing, hooks or autocrlf would change the bytes. */
export const isolatedGitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_TERMINAL_PROMPT: "0",
  TZ: "UTC",
  LANG: "C",
  LC_ALL: "C",
};

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})$/;

/** `2024-10-07T09:30:00+02:00` → `1728286200 +0200`, the form git's raw dates take. */
export function gitRawDate(iso: string): string {
  const match = ISO_WITH_OFFSET.exec(iso);
  if (!match)
    throw new Error(`date "${iso}" needs a time and an explicit offset, e.g. 2024-10-07T09:30:00+02:00`);
  const seconds = Math.floor(Date.parse(iso) / 1000);
  const offset = match[2] === "Z" ? "+0000" : (match[2] as string).replace(":", "");
  return `${seconds} ${offset}`;
}

function ident(person: Person, iso: string): string {
  return `${person.name} <${person.email}> ${gitRawDate(iso)}`;
}

function data(content: string | Buffer): Buffer {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return Buffer.concat([Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from("\n")]);
}

function messageWithTrailers(commit: TimelineCommit): string {
  const body = commit.message.endsWith("\n") ? commit.message : `${commit.message}\n`;
  if (!commit.coauthors?.length) return body;
  const trailers = commit.coauthors.map((p) => `Co-authored-by: ${p.name} <${p.email}>`).join("\n");
  return `${body}\n${trailers}\n`;
}

function assertPlainPath(path: string): void {
  if (!/^[A-Za-z0-9._@/+-][A-Za-z0-9._@/ +-]*$/.test(path) || path.includes("..") || path.startsWith("/")) {
    throw new Error(`path "${path}" is not a plain repository-relative path`);
  }
}

function quote(path: string): string {
  assertPlainPath(path);
  return path.includes(" ") ? `"${path}"` : path;
}

/** The whole history of one repository as a `git fast-import` stream. */
export function fastImportStream(repo: TimelineRepo): Buffer {
  const parts: (string | Buffer)[] = [];
  repo.commits.forEach((commit, index) => {
    const committer = commit.committer ?? commit.author;
    parts.push(`commit refs/heads/main\nmark :${index + 1}\n`);
    parts.push(`author ${ident(commit.author, commit.date)}\n`);
    parts.push(`committer ${ident(committer, commit.date)}\n`);
    parts.push(data(messageWithTrailers(commit)));
    for (const change of commit.changes) {
      if (change.op === "rename") parts.push(`R ${quote(change.from)} ${quote(change.to)}\n`);
      else if (change.op === "delete") parts.push(`D ${quote(change.path)}\n`);
      else parts.push(`M 100644 inline ${quote(change.path)}\n`, data(change.content));
    }
    parts.push("\n");
  });
  parts.push("done\n");
  return Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : part)));
}

/** Creates `dir` as a git repository holding `repo`'s history, with the last commit checked out. */
export async function writeTimelineRepo(repo: TimelineRepo, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const options = { cwd: dir, env: isolatedGitEnv };
  await git(["init", "--quiet", "--initial-branch=main", "."], options);
  await git(["fast-import", "--quiet", "--done"], { ...options, input: fastImportStream(repo) });
  if (repo.commits.length > 0) await git(["reset", "--quiet", "--hard", "main"], options);
  const head = await git(["rev-parse", "--verify", "--quiet", "HEAD"], { ...options, okCodes: [1] });
  return head.stdout.trim();
}

export function repoDir(outDir: string, repoName: string): string {
  return join(outDir, repoName);
}
