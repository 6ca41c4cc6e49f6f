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

/** npm's registry is the only network this benchmark uses: installs the pinned peers once. */
export function installPeers(toolsDir, peers) {
  const binaries = Object.fromEntries(
    Object.keys(peers).map((name) => [name, join(toolsDir, "node_modules", ".bin", name)]),
  );
  const installed = Object.entries(peers).every(([name, version]) => {
    const manifest = join(toolsDir, "node_modules", name, "package.json");
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === version;
  });
  if (installed) return binaries;
  mkdirSync(toolsDir, { recursive: true });
  writeFileSync(join(toolsDir, "package.json"), `${JSON.stringify({ private: true }, null, 2)}\n`);
  const specs = Object.entries(peers).map(([name, version]) => `${name}@${version}`);
  process.stderr.write(`bench:peers: installing ${specs.join(", ")} into ${toolsDir}\n`);
  try {
    execFileSync("npm", ["install", "--prefix", toolsDir, "--no-save", "--no-audit", "--no-fund", ...specs], {
      stdio: ["ignore", "ignore", "pipe"],
      shell: process.platform === "win32",
    });
  } catch (error) {
    throw new Failure(
      `could not install ${specs.join(", ")}: ${String(error.stderr ?? error.message)
        .trim()
        .split("\n")
        .at(-1)}`,
    );
  }
  return binaries;
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
 * One git repository per package (one commit, fixed author and date), holding its TS/TSX/JS sources, so
 * lineitem sees one team per package and the peers read the same files. Rebuilt only when the selection
 * changes.
 */
export function buildOrg(corpusDir, orgDir, packages) {
  const marker = join(orgDir, ".org.json");
  const wanted = JSON.stringify(packages);
  if (existsSync(marker) && readFileSync(marker, "utf8") === wanted) return summarize(orgDir, packages);
  rmSync(orgDir, { recursive: true, force: true });
  for (const spec of packages) {
    const source = join(corpusDir, spec);
    if (!existsSync(join(source, ".corpus-complete.json"))) {
      throw new Failure(`${spec} is not in ${corpusDir}; run node scripts/bench/fetch-corpus.mjs first`);
    }
    const target = join(orgDir, repoName(spec));
    for (const file of sourceFiles(source)) {
      const to = join(target, relative(source, file));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(file, to);
    }
    git(target, ["init", "-q"]);
    git(target, ["add", "-A"]);
    git(target, ["commit", "-q", "-m", `${spec} sources`]);
  }
  // A root package.json: fallow wants a project to analyse.
  writeFileSync(
    join(orgDir, "package.json"),
    `${JSON.stringify({ name: "peers-org", private: true }, null, 2)}\n`,
  );
  writeFileSync(marker, wanted);
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
