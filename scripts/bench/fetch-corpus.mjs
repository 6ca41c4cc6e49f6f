#!/usr/bin/env node
// Fetches the benchmark corpus listed in scripts/bench/corpus.json into
// .cache/corpus/<name>@<version>/ and prints how much code it holds per language.
//
// Tarballs come only from the npm registry, through `npm pack`, so npm's cache and
// its own integrity checks apply; we check sha512 once more against the integrity
// pinned in corpus.json and against `npm view`, so a republished or tampered tarball
// fails loudly instead of silently changing the benchmark. Nothing from a package is
// ever executed: `npm pack` runs with --ignore-scripts and we only unpack with tar.
//
// Usage: node scripts/bench/fetch-corpus.mjs
// Exit codes: 0 done, 2 anything failed (one line per problem, no stack traces).

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, mkdir, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import picomatch from "picomatch";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const corpusDir = join(root, ".cache", "corpus");
const tarballDir = join(corpusDir, ".tarballs");
const MARKER = ".corpus-complete.json";
const CONCURRENCY = 4; // a few downloads at once; more only contends for the same link

// Extension → language, as the bench reports them. Declarations (.d.ts) are left out
// of TypeScript: they describe code rather than being it.
const LANGUAGES = {
  typescript: [".ts", ".mts", ".cts"],
  tsx: [".tsx"],
  javascript: [".js", ".mjs", ".cjs", ".jsx"],
  python: [".py", ".pyi"],
  go: [".go"],
  java: [".java"],
  kotlin: [".kt", ".kts"],
  csharp: [".cs"],
  ruby: [".rb"],
};
const byExtension = new Map(
  Object.entries(LANGUAGES).flatMap(([lang, exts]) => exts.map((ext) => [ext, lang])),
);

class Failure extends Error {}

function languageOf(path) {
  if (/\.d\.[mc]?ts$/.test(path)) return undefined;
  const dot = path.lastIndexOf(".");
  return dot < 0 ? undefined : byExtension.get(path.slice(dot).toLowerCase());
}

async function npm(args) {
  try {
    // shell only on Windows, where npm is a .cmd script that execFile cannot start.
    const { stdout } = await run("npm", args, {
      maxBuffer: 64 * 1024 * 1024,
      shell: process.platform === "win32",
    });
    return stdout;
  } catch (error) {
    // npm's own explanation, minus the "code E404" and "complete log" boilerplate.
    const detail = `${error.stderr ?? ""}`
      .split("\n")
      .filter((l) => /^npm (error|ERR!)/.test(l) && !/ code |complete log/.test(l))
      .slice(0, 2)
      .join(" ");
    throw new Failure(`npm ${args.join(" ")} failed${detail ? `: ${detail.trim()}` : ""}`);
  }
}

async function sha512(file) {
  const hash = createHash("sha512");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return `sha512-${hash.digest("base64")}`;
}

// Every regular file under dir (symlinks and other oddities are neither followed nor counted).
async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

// Drops links, devices and the like (never wanted, and walk() skips them), then empty folders.
async function prune(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await prune(path);
    else if (!entry.isFile()) await unlink(path);
  }
  if ((await readdir(dir)).length === 0) await rmdir(dir);
}

function keeper(keep) {
  if (!keep?.length) return () => true;
  const include = keep.filter((g) => !g.startsWith("!"));
  const exclude = keep.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
  return picomatch(include.length ? include : ["**"], { dot: true, ignore: exclude });
}

function validate(manifest) {
  const problems = [];
  const seen = new Set();
  for (const [i, pkg] of (manifest.packages ?? []).entries()) {
    const where = `corpus.json packages[${i}] (${pkg.name ?? "?"})`;
    // A plain npm name: it becomes a folder under .cache/corpus and must stay inside it.
    if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(pkg.name ?? ""))
      problems.push(`${where}: not an npm package name`);
    // Exact versions only: a range would let the corpus drift under the benchmark.
    if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(pkg.version ?? ""))
      problems.push(`${where}: version must be exact, got ${JSON.stringify(pkg.version)}`);
    if (!/^sha512-[A-Za-z0-9+/]+=*$/.test(pkg.integrity ?? ""))
      problems.push(
        `${where}: integrity must be a sha512 from npm view ${pkg.name}@${pkg.version} dist.integrity`,
      );
    for (const lang of pkg.languages ?? [])
      if (!(lang in LANGUAGES)) problems.push(`${where}: unknown language ${lang}`);
    const id = `${pkg.name}@${pkg.version}`;
    if (seen.has(id)) problems.push(`${where}: listed twice`);
    seen.add(id);
  }
  if (!seen.size) problems.push("corpus.json lists no packages");
  if (problems.length) throw new Failure(problems.join("\n"));
}

// Makes .cache/corpus/<name>@<version>/ hold exactly the kept files of the pinned tarball.
// Returns 'cached' when a previous run already did it.
async function fetchPackage(pkg) {
  const id = `${pkg.name}@${pkg.version}`;
  const dest = join(corpusDir, id);
  const stamp = JSON.stringify({ integrity: pkg.integrity, keep: pkg.keep ?? null });
  const previous = await readFile(join(dest, MARKER), "utf8").catch(() => null);
  if (previous === stamp) return "cached";

  const published = (await npm(["view", id, "dist.integrity"])).trim();
  if (published !== pkg.integrity)
    throw new Failure(
      `${id}: registry integrity ${published || "(none)"} differs from corpus.json ${pkg.integrity}`,
    );

  await mkdir(tarballDir, { recursive: true });
  const packed = JSON.parse(
    await npm(["pack", id, "--pack-destination", tarballDir, "--ignore-scripts", "--json"]),
  );
  const tarball = join(tarballDir, packed[0].filename);
  const actual = await sha512(tarball);
  if (actual !== pkg.integrity)
    throw new Failure(`${id}: tarball hashes to ${actual}, corpus.json pins ${pkg.integrity}`);

  // Unpack beside the destination and swap it in at the end, so an interrupted run
  // never leaves a half-filled folder that looks complete.
  const staging = `${dest}.partial`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    // npm tarballs hold a single top folder (usually package/); strip it. Ownership and
    // modes from the archive are ignored: this is data, not something to install.
    await run("tar", [
      "-xzf",
      tarball,
      "-C",
      staging,
      "--strip-components=1",
      "--no-same-owner",
      "--no-same-permissions",
    ]);
  } catch (error) {
    throw new Failure(`${id}: tar could not unpack ${tarball}: ${`${error.stderr ?? error.message}`.trim()}`);
  }

  const wanted = keeper(pkg.keep);
  for await (const file of walk(staging)) {
    if (!wanted(relative(staging, file).split(sep).join("/"))) await unlink(file);
  }
  await prune(staging);
  await mkdir(staging, { recursive: true }); // prune() removes it if nothing was kept
  await writeFile(join(staging, MARKER), stamp);
  await rm(dest, { recursive: true, force: true });
  await mkdir(dirname(dest), { recursive: true });
  await rename(staging, dest);
  await rm(tarball, { force: true }); // npm's cache still holds it; no need for two copies
  return "fetched";
}

async function measure(pkg) {
  const totals = {};
  const dir = join(corpusDir, `${pkg.name}@${pkg.version}`);
  for await (const file of walk(dir)) {
    const lang = languageOf(file);
    if (!lang) continue;
    totals[lang] ??= { files: 0, bytes: 0 };
    const t = totals[lang];
    t.files += 1;
    t.bytes += (await lstat(file)).size;
  }
  return totals;
}

// bench.mjs measures everything under .cache/corpus, so folders the manifest no longer
// lists (or staging left by an interrupted run) must go, or they would skew the figures.
async function removeStale(packages) {
  const wanted = new Set(packages.map((p) => `${p.name}@${p.version}`));
  const entries = await readdir(corpusDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name === ".tarballs") continue;
    const scope = entry.isDirectory() && entry.name.startsWith("@") ? entry.name : null;
    const names = scope ? (await readdir(join(corpusDir, scope))).map((n) => `${scope}/${n}`) : [entry.name];
    for (const name of names.filter((n) => !wanted.has(n))) {
      await rm(join(corpusDir, name), { recursive: true, force: true });
      console.log(`removed ${name} (not in corpus.json)`);
    }
    if (scope && (await readdir(join(corpusDir, scope))).length === 0) await rmdir(join(corpusDir, scope));
  }
}

async function main() {
  const manifest = JSON.parse(await readFile(join(here, "corpus.json"), "utf8"));
  validate(manifest);
  const started = Date.now();
  const queue = [...manifest.packages];
  const problems = [];
  const worker = async () => {
    for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
      try {
        const how = await fetchPackage(pkg);
        if (how === "fetched") console.log(`fetched ${pkg.name}@${pkg.version}`);
      } catch (error) {
        problems.push(
          error instanceof Failure ? error.message : `${pkg.name}@${pkg.version}: ${error.message}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (problems.length) throw new Failure(problems.join("\n"));
  await removeStale(manifest.packages);

  const totals = Object.fromEntries(Object.keys(LANGUAGES).map((l) => [l, { files: 0, bytes: 0 }]));
  const warnings = [];
  for (const pkg of manifest.packages) {
    const found = await measure(pkg);
    for (const [lang, t] of Object.entries(found)) {
      totals[lang].files += t.files;
      totals[lang].bytes += t.bytes;
    }
    // A declared language that vanished means the keep globs no longer fit the tarball.
    for (const lang of pkg.languages ?? [])
      if (!found[lang]) warnings.push(`warning: ${pkg.name}@${pkg.version} contributes no ${lang}`);
  }

  console.log(
    `\ncorpus in ${relative(process.cwd(), corpusDir) || "."} (${manifest.packages.length} packages, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log("language      files        MB");
  for (const [lang, t] of Object.entries(totals)) {
    console.log(
      `${lang.padEnd(10)} ${String(t.files).padStart(8)} ${(t.bytes / 1e6).toFixed(2).padStart(9)}`,
    );
  }
  for (const w of warnings) console.log(w);
}

main().catch((error) => {
  console.error(`fetch-corpus: ${error.message}`);
  process.exit(2);
});
