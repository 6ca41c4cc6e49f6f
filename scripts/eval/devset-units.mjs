// The units of the dev set exactly as a scan sees them: the same configuration, the same repositories and
// file selection (dist/ included by the dev set's config, test code left out, set-aside files skipped),
// the same parser and the same concern matching, all through the built modules a scan runs (listOrg and parseOrg
// are the scan's own reading stage). `type` units never carry a concern and are left out.
//
// A unit's key is `repo/path#name@startLine`: stable, because every package is pinned.
import { loadConcernDefinitions } from "../../dist/concerns/index.js";
import { loadConfig } from "../../dist/config/index.js";
import { languageOf } from "../../dist/lang/index.js";
import { createParsePool } from "../../dist/scan/index.js";
import { listOrg } from "../../dist/scan/list-org.js";
import { parseOrg } from "../../dist/scan/read-repos.js";
import { DiagnosticLog } from "../../dist/shared/index.js";
import { discoverRepos } from "../../dist/sources/index.js";

export const unitKey = (repo, path, unit) => `${repo}/${path}#${unit.name}@${unit.startLine}`;

/**
 * Every non-type unit of every file the scan of `orgDir` (with `configFile`) reads, in scan order:
 * `{ key, repo, path, name, kind, startLine, endLine, matched: [concern…], work: [concern…] }`. `matched`
 * lists the concerns whose definition the unit itself clears (the engine's own matches, before helpers and
 * used blocks are pulled into an implementation); `work` the others whose work its own code does in a file
 * that implements them. The scan result's implementations are the figures' source, this is only for
 * reading disagreements.
 */
export async function devsetUnits(orgDir, configFile, cwd) {
  // `orgDir`: a folder of repositories, or a list of repositories scanned as one org.
  const scanPaths = Array.isArray(orgDir) ? orgDir : [orgDir];
  const log = new DiagnosticLog();
  const loaded = loadConfig({ configFile, scanPaths, cwd });
  const { config } = loaded;
  const definitions = await loadConcernDefinitions(config.concerns, loaded.baseDir, log);
  const targets = await discoverRepos(scanPaths, cwd, log);
  const goldenPackages = [
    ...new Set(config.goldenPaths.flatMap((golden) => (golden.package ? [golden.package] : []))),
  ];
  const pool = createParsePool({ workers: 1 });
  // No index: every file is parsed, so `key` (which names stored matches) is never read.
  const matching = { definitions, goldenPackages, includeTests: config.includeTests, key: "eval" };
  const listing = await listOrg(targets, config, { languageOf }, log, () => {});
  const reads = await parseOrg(listing, { languageOf }, pool, matching, config, null, log, () => {}).finally(
    () => pool.close(),
  );
  const files = reads.flatMap((read) => read.files).filter((file) => config.includeTests || !file.isTest);
  const units = [];
  for (const file of files) {
    const matched = new Map();
    const work = new Map();
    const note = (map, index, concern) => {
      if (!map.has(index)) map.set(index, []);
      map.get(index).push(concern);
    };
    for (const draft of file.implementations) {
      for (const index of draft.matched) note(matched, index, draft.concern);
      for (const index of draft.work) if (!draft.matched.includes(index)) note(work, index, draft.concern);
    }
    file.units.forEach((unit, index) => {
      if (unit.kind === "type") return;
      units.push({
        key: unitKey(file.repo, file.path, unit),
        repo: file.repo,
        path: file.path,
        name: unit.name,
        kind: unit.kind,
        startLine: unit.startLine,
        endLine: unit.endLine,
        matched: matched.get(index) ?? [],
        work: work.get(index) ?? [],
      });
    });
  }
  return units;
}
