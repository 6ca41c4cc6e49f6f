// Fetches the labelled dev set (../shared/bench/npm-devset.json, copied to scripts/eval/devset.json) from
// the npm registry into .cache/devset/packages/<name>@<version>/. `npm pack --ignore-scripts` only: nothing
// from a package is ever run, and npm checks each tarball against the registry's integrity.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { buildOrg } from "../bench/peers-setup.mjs";

const run = promisify(execFile);
export class Failure extends Error {}

/**
 * The eval scripts' options: parseArgs with a `--help`/`-h` of its own. An unknown or malformed option is
 * a Failure that says the usage (one line and exit 2, never a stack trace). `null` when help was asked.
 */
export function parseOptions(options, usage) {
  let values;
  try {
    ({ values } = parseArgs({
      options: { ...options, help: { type: "boolean", short: "h", default: false } },
    }));
  } catch (error) {
    throw new Failure(`${error.message}\n${usage}`);
  }
  if (!values.help) return values;
  process.stdout.write(`${usage}\n`);
  return null;
}

const MARKER = ".corpus-complete.json";
const CONCURRENCY = 4;

async function fetchOne(spec, packagesDir, tarballs) {
  const target = join(packagesDir, spec);
  if (existsSync(join(target, MARKER))) return;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  let file;
  try {
    const { stdout } = await run(
      "npm",
      ["pack", spec, "--ignore-scripts", "--json", "--pack-destination", tarballs],
      {
        maxBuffer: 16 * 1024 * 1024,
        shell: process.platform === "win32",
      },
    );
    file = JSON.parse(stdout)[0].filename;
  } catch (error) {
    throw new Failure(
      `npm pack ${spec} failed: ${String(error.stderr ?? error.message)
        .trim()
        .split("\n")
        .at(-1)}`,
    );
  }
  await run("tar", ["-xzf", join(tarballs, file), "-C", target, "--strip-components=1"]);
  writeFileSync(join(target, MARKER), JSON.stringify({ spec }));
}

/** Fetches what is missing; returns the specs (`name@version`) with their labels and splits. */
export async function fetchDevset(root) {
  const manifest = JSON.parse(readFileSync(join(root, "scripts", "eval", "devset.json"), "utf8"));
  const packagesDir = join(root, ".cache", "devset", "packages");
  const tarballs = join(root, ".cache", "devset", ".tarballs");
  mkdirSync(packagesDir, { recursive: true });
  mkdirSync(tarballs, { recursive: true });
  // `split`: "holdout" or "holdout-2" for the held-out packages (labelled blind, never tuned on), "dev" for
  // the others; any name devset.json gives is kept as it is.
  const specs = manifest.packages.map((p) => ({
    spec: `${p.name}@${p.version}`,
    concern: p.concern,
    split: p.split ?? "dev",
  }));
  const queue = [...specs];
  const worker = async () => {
    while (queue.length) {
      const next = queue.shift();
      process.stderr.write(`eval: fetching ${next.spec}\n`);
      await fetchOne(next.spec, packagesDir, tarballs);
    }
  };
  const pending = specs.filter(({ spec }) => !existsSync(join(packagesDir, spec, MARKER)));
  queue.splice(0, queue.length, ...pending);
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pending.length) }, worker));
  return { specs, packagesDir };
}

/**
 * Fetches the dev set and builds its org (one git repository per package) with the config that reads
 * published builds; returns the specs, the org and its config. Prints no finding: labelling starts here.
 */
export async function prepareDevset(root) {
  const { specs, packagesDir } = await fetchDevset(root);
  const orgDir = join(root, ".cache", "devset", "org");
  buildOrg(
    packagesDir,
    orgDir,
    specs.map((s) => s.spec),
  );
  // A published package is often only its build (`dist/`), which a scan of an org sets aside as generated;
  // here it is the code the label is about, so the dev set's config reads it.
  const config = join(orgDir, "lineitem.config.yaml");
  writeFileSync(config, 'include: ["dist/**", "distribution/**"]\n');
  return { specs, orgDir, config };
}
