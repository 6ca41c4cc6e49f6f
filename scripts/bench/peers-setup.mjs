// Setup for the peer benchmark: the peers installed at pinned versions and the org built from the corpus.
// Nothing fetched is ever run except the two peers' own published binaries; everything lives in .cache/.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";

export class Failure extends Error {}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const DECLARATION = /\.d\.[mc]?ts$/;
// Bump when the way the org is laid out changes, so an org built the old way is rebuilt.
const ORG_LAYOUT = 2;

const versionOf = (toolsDir, name) => {
  const manifest = join(toolsDir, "node_modules", name, "package.json");
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).version : null;
};

// Both peers ship a Node launcher that finds and starts a prebuilt binary from an optional platform
// package. We time the binary itself, so the peers' figures hold only their engines, not a Node start
// (lineitem is a Node program, so its figures hold its own). Without a binary we fall back to the launcher.
function nativeBinary(toolsDir, name) {
  const modules = join(toolsDir, "node_modules");
  const platform = `${process.platform}-${process.arch}`;
  const exe = process.platform === "win32" ? ".exe" : "";
  const candidates =
    name === "jscpd"
      ? readdirSync(modules)
          .filter((d) => d.startsWith(`jscpd-${platform}`))
          .map((d) => join(modules, d, "bin", `jscpd${exe}`))
      : readdirSync(join(modules, "@fallow-cli"), { withFileTypes: true })
          .filter((d) => d.name.startsWith(platform))
          .map((d) => join(modules, "@fallow-cli", d.name, `fallow${exe}`));
  return candidates.find((path) => existsSync(path)) ?? join(modules, ".bin", name);
}

/** npm's registry is the only network this benchmark uses: installs the pinned peers once. */
export function installPeers(toolsDir, peers) {
  const installed = Object.entries(peers).every(([name, version]) => versionOf(toolsDir, name) === version);
  if (!installed) {
    mkdirSync(toolsDir, { recursive: true });
    writeFileSync(join(toolsDir, "package.json"), `${JSON.stringify({ private: true }, null, 2)}\n`);
    const specs = Object.entries(peers).map(([name, version]) => `${name}@${version}`);
    process.stderr.write(`bench:peers: installing ${specs.join(", ")} into ${toolsDir}\n`);
    try {
      execFileSync(
        "npm",
        ["install", "--prefix", toolsDir, "--no-save", "--no-audit", "--no-fund", ...specs],
        { stdio: ["ignore", "ignore", "pipe"], shell: process.platform === "win32" },
      );
    } catch (error) {
      const last = String(error.stderr ?? error.message)
        .trim()
        .split("\n")
        .at(-1);
      throw new Failure(`could not install ${specs.join(", ")}: ${last}`);
    }
    for (const [name, version] of Object.entries(peers)) {
      const got = versionOf(toolsDir, name);
      if (got !== version) throw new Failure(`${name}: wanted ${version}, npm installed ${got ?? "nothing"}`);
    }
  }
  // fallow's launcher checks its binary's signature (once, then it keeps a sentinel); we time the binary
  // directly, so let the launcher do that check first and refuse a binary it does not vouch for.
  const launcher = join(toolsDir, "node_modules", ".bin", "fallow");
  let verified = "";
  try {
    verified = execFileSync(launcher, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw new Failure(`fallow's launcher failed: ${String(error.stderr ?? error.message).trim()}`);
  }
  if (!/verified: (yes|skipped)/.test(verified))
    throw new Failure(`fallow's binary was not verified: ${verified.trim().split("\n").at(-1)}`);
  return Object.fromEntries(Object.keys(peers).map((name) => [name, nativeBinary(toolsDir, name)]));
}

function sourceFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."))
      sourceFiles(full, out);
    else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) out.push(full);
  }
  return out;
}

/** The folder name a package gets in the org: `@theia/core@1.75.0` → `theia-core`. */
export function repoName(spec) {
  return spec
    .replace(/@[^@/]+$/, "")
    .replace(/^@/, "")
    .replace(/\//g, "-");
}

// Fixed identity and dates: the org is byte-for-byte the same on every machine, and lineitem's history
// figures do not depend on when the benchmark was set up.
const git = (cwd, args) =>
  execFileSync("git", args, {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "bench",
      GIT_AUTHOR_EMAIL: "bench@lineitem.invalid",
      GIT_COMMITTER_NAME: "bench",
      GIT_COMMITTER_EMAIL: "bench@lineitem.invalid",
      GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z",
      GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z",
    },
  });

/**
 * One git repository per package (one commit, fixed author and date), holding its TS/TSX/JS sources
 * (no .d.ts), so lineitem sees one team per package and the peers read the same files. Nothing else
 * lives in the org folder: the marker sits beside it, so no tool reads it. Rebuilt only when the
 * selection changes.
 */
export function buildOrg(corpusDir, orgDir, packages) {
  const marker = `${orgDir}.json`;
  const wanted = JSON.stringify({ layout: ORG_LAYOUT, packages });
  const built = existsSync(marker) && readFileSync(marker, "utf8") === wanted && existsSync(orgDir);
  if (!built) {
    rmSync(marker, { force: true }); // first, so an interrupted build is never taken for a finished one
    rmSync(orgDir, { recursive: true, force: true });
    for (const spec of packages) {
      const source = join(corpusDir, spec);
      if (!existsSync(join(source, ".corpus-complete.json")))
        throw new Failure(`${spec} is not in ${corpusDir}; run node scripts/bench/fetch-corpus.mjs first`);
      const target = join(orgDir, repoName(spec));
      for (const file of sourceFiles(source)) {
        const to = join(target, relative(source, file));
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(file, to);
      }
      try {
        git(target, ["init", "-q"]);
        git(target, ["add", "-A"]);
        git(target, ["-c", "commit.gpgsign=false", "commit", "-q", "-m", `${spec} sources`]);
      } catch (error) {
        throw new Failure(`git could not make ${target} a repository: ${String(error.stderr ?? "").trim()}`);
      }
    }
    writeFileSync(marker, wanted);
  }
  return summarize(orgDir, packages);
}

function summarize(orgDir, packages) {
  let files = 0;
  let lines = 0;
  let bytes = 0;
  for (const spec of packages) {
    for (const file of sourceFiles(join(orgDir, repoName(spec)))) {
      const text = readFileSync(file, "utf8");
      files++;
      bytes += Buffer.byteLength(text);
      lines += text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    }
  }
  return { files, lines, megabytes: bytes / 1e6 };
}
