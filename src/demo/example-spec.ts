import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { UserError } from "../shared/index.js";
import { growthPart } from "./growth.js";
import type { FileChange, Person, TimelineCommit, TimelineRepo } from "./timeline.js";

/*
 * On-disk form of an example org (see examples/acme/README.md):
 *   org.yaml                  people and repositories
 *   history/<repo>.yaml       that repository's commits, oldest first
 *   repos/<repo>/…            each repository's final tree, as plain files
 *   versions/<repo>/<path>@v  earlier versions of a file, for commits that predate a fix
 * A commit's `files` entry is `path` (final content), `path@v1` (a version) or `path#2/3` (the first
 * two thirds of the final content, cut at top-level blocks).
 */

const personSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  email: z.string().min(3),
  team: z.string().optional(),
  note: z.string().optional(),
});

const orgSchema = z.strictObject({
  name: z.string(),
  people: z.array(personSchema).min(1),
  repos: z.array(
    z.strictObject({ name: z.string().regex(/^[a-z0-9-]+$/), description: z.string().optional() }),
  ),
});

const commitSchema = z.strictObject({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/, "ISO date with offset"),
  author: z.string(),
  committer: z.string().optional(),
  message: z.string().min(1),
  coauthors: z.array(z.string()).optional(),
  files: z.array(z.string()).optional(),
  delete: z.array(z.string()).optional(),
  rename: z.record(z.string(), z.string()).optional(),
});

const historySchema = z.strictObject({ commits: z.array(commitSchema).min(1) });

export type OrgSpec = z.infer<typeof orgSchema>;

export interface ExampleOrg {
  name: string;
  people: (Person & { team?: string | undefined })[];
  repos: TimelineRepo[];
}

function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parseYaml(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join(".") || "(root)";
    throw new UserError("example-spec", `${file}: ${key}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full).split(sep).join("/"));
    }
  };
  if (existsSync(root)) walk(root);
  return out.sort();
}

function resolveFile(specDir: string, repo: string, entry: string): FileChange {
  const growth = /^(.*)#(\d+)\/(\d+)$/.exec(entry);
  const version = /^(.*)@(v\d+[a-z]?)$/.exec(entry);
  if (growth) {
    const [, path, k, n] = growth as unknown as [string, string, string, string];
    const final = readFileSync(join(specDir, "repos", repo, path), "utf8");
    try {
      return { op: "write", path, content: growthPart(final, Number(k), Number(n)) };
    } catch (error) {
      throw new Error(`${repo}/${path}: ${(error as Error).message}`);
    }
  }
  if (version) {
    const [, path] = version as unknown as [string, string];
    return { op: "write", path, content: readFileSync(join(specDir, "versions", repo, entry)) };
  }
  return { op: "write", path: entry, content: readFileSync(join(specDir, "repos", repo, entry)) };
}

/**
 * Replays the commits in memory and checks that the last state equals repos/<repo>/ exactly, so the
 * plain source files stay the truth and a history can never silently drift from them.
 */
function checkFinalTree(specDir: string, repo: TimelineRepo): void {
  const state = new Map<string, Buffer>();
  for (const commit of repo.commits) {
    for (const change of commit.changes) {
      if (change.op === "write") state.set(change.path, Buffer.from(change.content));
      else if (change.op === "delete") state.delete(change.path);
      else {
        const content = state.get(change.from);
        if (content === undefined) throw new Error(`${repo.name}: rename of missing file ${change.from}`);
        state.delete(change.from);
        state.set(change.to, content);
      }
    }
  }
  const root = join(specDir, "repos", repo.name);
  const onDisk = listFiles(root);
  const missing = onDisk.filter((path) => !state.get(path)?.equals(readFileSync(join(root, path))));
  const extra = [...state.keys()].filter((path) => !onDisk.includes(path));
  if (missing.length || extra.length) {
    throw new Error(
      `${repo.name}: history does not end at repos/${repo.name}/` +
        (missing.length ? `; not written in final form: ${missing.join(", ")}` : "") +
        (extra.length ? `; left in history but not in repos/: ${extra.join(", ")}` : ""),
    );
  }
}

export function loadExampleOrg(specDir: string): ExampleOrg {
  const org = readYaml(join(specDir, "org.yaml"), orgSchema);
  const people = new Map(org.people.map((p) => [p.id, p]));
  const person = (id: string, where: string): Person => {
    const found = people.get(id);
    if (!found) throw new UserError("example-spec", `${where}: unknown person "${id}"`);
    return found;
  };
  const repos = org.repos.map(({ name }) => {
    const file = join(specDir, "history", `${name}.yaml`);
    const history = readYaml(file, historySchema);
    let previous = "";
    const commits: TimelineCommit[] = history.commits.map((c, index) => {
      const where = `${file}: commits.${index}`;
      if (Date.parse(c.date) < Date.parse(previous || c.date)) {
        throw new UserError("example-spec", `${where}: date ${c.date} is earlier than the commit before`);
      }
      previous = c.date;
      const changes: FileChange[] = [
        ...Object.entries(c.rename ?? {}).map(([from, to]): FileChange => ({ op: "rename", from, to })),
        ...(c.delete ?? []).map((path): FileChange => ({ op: "delete", path })),
        ...(c.files ?? []).map((entry) => {
          try {
            return resolveFile(specDir, name, entry);
          } catch (error) {
            throw new UserError("example-spec", `${where}: ${(error as Error).message}`);
          }
        }),
      ];
      return {
        date: c.date,
        author: person(c.author, `${where}.author`),
        ...(c.committer ? { committer: person(c.committer, `${where}.committer`) } : {}),
        message: c.message,
        coauthors: (c.coauthors ?? []).map((id) => person(id, `${where}.coauthors`)),
        changes,
      };
    });
    const repo = { name, commits };
    try {
      checkFinalTree(specDir, repo);
    } catch (error) {
      throw new UserError("example-spec", (error as Error).message);
    }
    return repo;
  });
  return { name: org.name, people: org.people, repos };
}
