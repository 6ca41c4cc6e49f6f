import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { LineitemConfig } from "../config/index.js";
import { packageRoot, packageVersion } from "../shared/index.js";
import { readIgnoreRevs, readText } from "./history.js";
import type { OrgListing } from "./list-org.js";

/** JSON that keeps what JSON.stringify would lose from definitions and config: regexes, sets and maps. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
    if (v instanceof Set) return [...v].sort();
    if (v instanceof Map) return [...v.entries()];
    return v;
  });
}

let stamp: string | undefined;

/**
 * Which build of lineitem is running: the version, and the size and time of every compiled file, so a
 * rebuilt lineitem never takes a result an older build computed (the version alone changes too seldom).
 */
function buildStamp(): string {
  if (stamp !== undefined) return stamp;
  const parts: string[] = [packageVersion];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const info = statSync(path, { throwIfNoEntry: false });
      if (info?.isDirectory()) walk(path);
      else if (info && name.endsWith(".js")) parts.push(`${path}:${info.size}:${info.mtimeMs}`);
    }
  };
  walk(join(packageRoot, "dist"));
  stamp = hashOf(parts);
  return stamp;
}

export function hashOf(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex");
}

/**
 * Everything a scan result is a function of, hashed: lineitem's version, the config, the concern
 * definitions, the options, and per repository its HEAD commit, the files it reads for people (.mailmap,
 * ignore-revs) and every file's path, content (blob id), team and test status. Two scans with the same key
 * have the same result (but for when they ran), so a re-run of an unchanged org takes the last one's.
 */
export function scanInputKey(
  listing: OrgListing,
  inputs: { config: LineitemConfig; definitionFiles: string[]; options: Record<string, unknown> },
): string {
  const repos = listing.reads.map((read) => ({
    name: read.target.name,
    root: read.target.root,
    kind: read.target.kind,
    head: read.head,
    mailmap: read.target.kind === "git" ? readText(join(read.target.root, ".mailmap")) : null,
    ignoreRevs:
      read.target.kind === "git"
        ? [...readIgnoreRevs(read.target.root, inputs.config.history.ignoreRevsFile)]
        : [],
    codeowners: read.codeowners,
    skipped: read.skipped.map((skip) => [skip.path, skip.reason]),
  }));
  const files = listing.entries.map((entry) => [
    entry.file.repo,
    entry.file.path,
    entry.kind,
    entry.content.ok ? entry.content.blobSha : entry.content.reason,
    entry.owner.team,
    entry.owner.source,
    entry.file.isTest,
  ]);
  return hashOf({
    build: buildStamp(),
    config: inputs.config,
    // The definitions' bytes, not their parse: a re-run with nothing changed need not parse them.
    definitions: inputs.definitionFiles.map((file) => [file, readText(file)]),
    options: inputs.options,
    repos,
    files,
  });
}
