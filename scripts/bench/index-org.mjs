// The orgs `npm run bench` scans: the pinned corpus (.cache/corpus/) as folders of real git repositories,
// one per package, at 25%, 50% and 100% of its lines. Built once into .cache/bench-index/v<LAYOUT>/;
// rebuilt when LAYOUT or the corpus changes. Also the one edit the "one change" scan makes, and its undoing.
import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, join } from "node:path";
import { Failure, repoName } from "./peers-setup.mjs";

// Bump when the way the orgs are built or chosen changes: the orgs move to a new folder and the old go.
const LAYOUT = 1;
export const SIZES = [25, 50, 100];
const CORPUS_STAMP = ".corpus-complete.json"; // fetch-corpus's marker: not part of a package
// Fixed people and dates: every machine builds the same commits, and history figures never depend on
// when the bench was set up.
const BUILT_AT = "2026-01-01T00:00:00Z";
const CHANGED_AT = "2026-01-02T00:00:00Z";
// The edit is appended to a mid-sized TypeScript file: a small function of its own, new to the org.
const ADDED = `
export function lineitemBenchChanged(values: readonly number[], scale: number): number {
  let total = 0;
  for (const value of values) total += Math.round(value * scale);
  return total;
}
`;

const lastLine = (text) =>
  String(text ?? "")
    .trim()
    .split("\n")
    .at(-1);

/** git with the bench's identity and dates; the caller's environment already shuts out user config. */
export function git(cwd, args, date = BUILT_AT) {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "bench",
        GIT_AUTHOR_EMAIL: "bench@lineitem.invalid",
        GIT_COMMITTER_NAME: "bench",
        GIT_COMMITTER_EMAIL: "bench@lineitem.invalid",
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    }).trim();
  } catch (error) {
    throw new Failure(`git ${args[0]} in ${cwd} failed: ${lastLine(error.stderr ?? error.message)}`);
  }
}

/** Every regular file under dir, as absolute paths (the corpus holds nothing else). */
function files(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== ".git") files(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

const countLines = (text) => text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
const isTestPath = (path) => /(^|\/)(tests?|__tests__|spec|__mocks__)\/|\.(test|spec)\.ts$/.test(path);

/**
 * The packages of corpus.json as repositories: folder name from the package (a name listed at two
 * versions gets its version too) and fetch-corpus's stamp (integrity and keep globs), so a change to the
 * corpus rebuilds the orgs.
 */
function packagesOf(corpusDir, manifest) {
  const specs = manifest.packages.map((pkg) => `${pkg.name}@${pkg.version}`);
  const names = specs.map(repoName);
  return specs.map((spec, i) => {
    const dir = join(corpusDir, spec);
    const stampFile = join(dir, CORPUS_STAMP);
    if (!existsSync(stampFile))
      throw new Failure(`${spec} is not in ${corpusDir}; run node scripts/bench/fetch-corpus.mjs`);
    const twice = names.filter((name) => name === names[i]).length > 1;
    const name = twice ? `${names[i]}-${spec.split("@").at(-1)}` : names[i];
    return { spec, name, dir, stamp: readFileSync(stampFile, "utf8") };
  });
}

/** The source files and lines of a package that lineitem would read (languageOf is lineitem's own). */
function measurePackage(pkg, languageOf) {
  let sourceFiles = 0;
  let lines = 0;
  for (const file of files(pkg.dir)) {
    if (!languageOf(file)) continue;
    sourceFiles++;
    lines += countLines(readFileSync(file, "utf8"));
  }
  return { ...pkg, files: sourceFiles, lines };
}

/**
 * Which packages each org holds: in alphabetical order of repository name (fixed, whatever order
 * corpus.json lists them in; on today's corpus it cuts at 25.1% and 49.3%), the prefix whose lines come
 * closest to the size's share. So the smaller orgs are prefixes of the larger ones.
 */
function choose(packages) {
  const ordered = [...packages].sort((a, b) => (a.name < b.name ? -1 : 1));
  const total = ordered.reduce((sum, pkg) => sum + pkg.lines, 0);
  return Object.fromEntries(
    SIZES.map((size) => {
      let best = ordered.length;
      let bestGap = Number.POSITIVE_INFINITY;
      let sum = 0;
      ordered.forEach((pkg, i) => {
        sum += pkg.lines;
        const gap = Math.abs(sum - (total * size) / 100);
        if (gap < bestGap) [best, bestGap] = [i + 1, gap];
      });
      return [size, size === 100 ? ordered : ordered.slice(0, best)];
    }),
  );
}

/**
 * The file the "one change" scan edits: in the first repository (it is in every org) with enough
 * TypeScript, the median file by lines among those that are not tests, so the edit costs what an
 * ordinary commit does.
 */
function chooseEdit(smallest, languageOf) {
  for (const pkg of smallest) {
    const candidates = files(pkg.dir)
      .map((file) => ({
        file,
        path: file
          .slice(pkg.dir.length + 1)
          .split("\\")
          .join("/"),
      }))
      .filter(({ file, path }) => languageOf(file) === "typescript" && !isTestPath(path))
      .map(({ file, path }) => ({ path, lines: countLines(readFileSync(file, "utf8")) }))
      .sort((a, b) => a.lines - b.lines || (a.path < b.path ? -1 : 1));
    if (candidates.length >= 10) {
      const middle = candidates[Math.floor(candidates.length / 2)];
      return { repo: pkg.name, path: middle.path, lines: middle.lines };
    }
  }
  throw new Failure("no repository of the smallest org holds 10 TypeScript files to edit");
}

/** One repository: the package's files, one commit. */
function buildRepo(pkg, target) {
  cpSync(pkg.dir, target, { recursive: true, filter: (source) => basename(source) !== CORPUS_STAMP });
  git(target, ["init", "-q", "--initial-branch=main"]);
  // --force: a package's own .gitignore must not keep its files out of the commit.
  git(target, ["add", "-A", "--force"]);
  git(target, ["commit", "-q", "--no-gpg-sign", "-m", `${pkg.spec} as published`]);
  return git(target, ["rev-parse", "HEAD"]);
}

/**
 * Makes sure the orgs exist and are as built; returns { dir, sizes: { [size]: { org, repos, files,
 * lines } }, edit }. `say` gets progress lines. `languageOf` is lineitem's own (null: not read).
 */
export function prepareOrgs(root, manifest, languageOf, say) {
  const base = join(root, ".cache", "bench-index");
  const dir = join(base, `v${LAYOUT}`);
  const marker = join(dir, "built.json");
  mkdirSync(base, { recursive: true });
  for (const old of readdirSync(base).filter((name) => /^v\d+$/.test(name) && name !== `v${LAYOUT}`)) {
    say(`removing ${join(base, old)} (an older layout)`);
    rmSync(join(base, old), { recursive: true, force: true });
  }
  const packages = packagesOf(join(root, ".cache", "corpus"), manifest);
  const wanted = { layout: LAYOUT, corpus: packages.map(({ spec, stamp }) => ({ spec, stamp })) };
  const previous = existsSync(marker) ? JSON.parse(readFileSync(marker, "utf8")) : null;
  if (previous && JSON.stringify(previous.wanted) === JSON.stringify(wanted)) {
    // Paths are this checkout's, not the ones recorded (the folder may have been reached another way).
    const sizes = Object.fromEntries(
      Object.entries(previous.built.sizes).map(([size, built]) => [size, { ...built, org: join(dir, size) }]),
    );
    return { ...previous.built, dir, sizes };
  }

  rmSync(dir, { recursive: true, force: true }); // marker first, so a half-built org is never taken as built
  say("counting the corpus's lines");
  const chosen = choose(packages.map((pkg) => measurePackage(pkg, languageOf)));
  const built = { dir, sizes: {}, edit: chooseEdit(chosen[SIZES[0]], languageOf) };
  const started = Date.now();
  for (const size of SIZES) {
    const org = join(dir, String(size));
    say(`building the ${size}% org: ${chosen[size].length} repositories in ${org} (once)`);
    const heads = {};
    for (const pkg of chosen[size]) heads[pkg.name] = buildRepo(pkg, join(org, pkg.name));
    built.sizes[size] = {
      org,
      repos: chosen[size].map((pkg) => pkg.name),
      packages: chosen[size].map((pkg) => pkg.spec),
      files: chosen[size].reduce((sum, pkg) => sum + pkg.files, 0),
      lines: chosen[size].reduce((sum, pkg) => sum + pkg.lines, 0),
      editBase: heads[built.edit.repo],
    };
  }
  writeFileSync(marker, `${JSON.stringify({ wanted, built }, null, 2)}\n`);
  say(`orgs built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return built;
}

/** The one change: the function appended to the chosen file and committed (fixed date). */
export function applyChange(org, edit) {
  const repo = join(org, edit.repo);
  appendFileSync(join(repo, edit.path), ADDED);
  git(repo, ["commit", "-q", "--no-gpg-sign", "-a", "-m", "Add lineitemBenchChanged"], CHANGED_AT);
}

/** Back to the state as built, also after a bench that was stopped between change and undoing. */
export function restore(org, edit, base) {
  const repo = join(org, edit.repo);
  git(repo, ["reset", "-q", "--hard", base]);
  if (git(repo, ["status", "--porcelain"]) !== "")
    throw new Failure(`${repo} has changes the bench did not make; delete ${org} to rebuild it`);
}
