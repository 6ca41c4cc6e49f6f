import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { packageRoot, UserError } from "../shared/index.js";
import { loadExampleOrg } from "./example-spec.js";
import { writeTimelineRepo } from "./fast-import.js";

/** Marks a folder as one we built, so that a second `demo --out DIR` may safely rebuild it. */
const MARKER = ".lineitem-demo";

export const acmeSpecDir: string = join(packageRoot, "examples", "acme");

export interface BuiltOrg {
  name: string;
  dir: string;
  repos: { name: string; dir: string; commits: number; head: string }[];
}

function prepareOutDir(outDir: string | undefined): string {
  if (!outDir) return mkdtempSync(join(tmpdir(), "lineitem-acme-"));
  const dir = resolve(outDir);
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new UserError(
        "demo-out-not-empty",
        `${dir} exists and is not empty, and it is not a folder lineitem built.`,
        "Pass an empty or new folder to --out, or leave --out out to use a new temporary folder.",
      );
    }
    for (const entry of entries) rmSync(join(dir, entry), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Builds the example organisation as real git repositories in `outDir` (a new temporary folder when
 * omitted), with its lineitem.config.yaml at the top. Same input, same bytes: commit ids are stable.
 */
export async function buildExampleOrg(outDir?: string, specDir: string = acmeSpecDir): Promise<BuiltOrg> {
  const org = loadExampleOrg(specDir);
  const dir = prepareOutDir(outDir);
  const repos: BuiltOrg["repos"] = [];
  for (const repo of org.repos) {
    const repoDir = join(dir, repo.name);
    const head = await writeTimelineRepo(repo, repoDir);
    repos.push({ name: repo.name, dir: repoDir, commits: repo.commits.length, head });
  }
  const config = join(specDir, "lineitem.config.yaml");
  if (existsSync(config)) copyFileSync(config, join(dir, "lineitem.config.yaml"));
  writeFileSync(join(dir, MARKER), `built by lineitem demo from ${org.name}\n`);
  return { name: org.name, dir, repos };
}
