#!/usr/bin/env node
// The entry point of the lineitem GitHub Action (action.yml): runs `lineitem check` on the pull request's
// change, prints annotations into the job log, writes SARIF for code scanning, the Markdown to the job's
// step summary, and the counts to the step's outputs. No dependencies: it runs before anything is
// installed. Tested for real with the environment GitHub sets (test/check.test.ts).
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

const env = process.env;
const input = (name) => (env[`INPUT_${name.toUpperCase().replace(/-/g, "_")}`] ?? "").trim();

function readEvent() {
  if (!env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return {};
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
  } catch {
    return {};
  }
}

/** `name=value` lines for $GITHUB_OUTPUT (values here are single-line). */
function setOutputs(outputs) {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(
    env.GITHUB_OUTPUT,
    Object.entries(outputs)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );
}

const event = readEvent();
// The pull request's base commit (fetched with fetch-depth: 0), else the base branch on origin.
const base =
  input("base") ||
  event.pull_request?.base?.sha ||
  (env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : "");
if (!base) {
  console.log("::notice title=lineitem check::Not a pull request and no base given: nothing to check.");
  setOutputs({ findings: 0, allowed: 0, "exit-code": 0 });
  process.exit(0);
}

const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
const repoDir = resolve(workspace, input("working-directory") || ".");
const prefix = relative(workspace, repoDir).split("\\").join("/");
const out = mkdtempSync(join(tmpdir(), "lineitem-check-"));
const jsonFile = join(out, "check.json");
const markdownFile = join(out, "check.md");
const sarifFile = resolve(workspace, input("sarif") || "lineitem.sarif");

// How lineitem is run: `npx --yes lineitem@<version>` unless LINEITEM_COMMAND names another (a checkout).
const command = (env.LINEITEM_COMMAND || `npx --yes lineitem@${input("version") || "latest"}`).split(" ");
const args = [
  ...command.slice(1),
  "check",
  repoDir,
  "--base",
  base,
  "--format",
  input("annotations") === "false" ? "terminal" : "annotations",
  "--json",
  jsonFile,
  "--markdown",
  markdownFile,
  "--sarif",
  sarifFile,
  "--fail-on",
  input("fail-on") || "off",
  "--quiet",
  ...(prefix ? ["--path-prefix", prefix] : []),
  ...(input("config") ? ["--config", resolve(workspace, input("config"))] : []),
  ...(input("index") ? ["--index", resolve(workspace, input("index"))] : []),
  ...(input("db") ? ["--db", input("db")] : []),
  ...(input("repo") ? ["--repo", input("repo")] : []),
];
const run = spawnSync(command[0], args, { cwd: repoDir, stdio: ["ignore", "inherit", "pipe"], env });
const stderr = run.stderr?.toString("utf8") ?? "";
process.stderr.write(stderr);
const code = run.status ?? 2;

if (code === 2 || !existsSync(jsonFile)) {
  // An error lineitem explained (no index, a shallow clone…): shown as an error annotation and in the summary.
  const message = stderr.trim() || `lineitem could not run (${run.error?.message ?? `exit ${code}`})`;
  console.log(`::error title=lineitem check::${message.replace(/%/g, "%25").replace(/\r?\n/g, "%0A")}`);
  if (env.GITHUB_STEP_SUMMARY)
    appendFileSync(env.GITHUB_STEP_SUMMARY, `## lineitem check failed\n\n\`\`\`\n${message}\n\`\`\`\n`);
  setOutputs({ "exit-code": code });
  rmSync(out, { recursive: true, force: true });
  process.exit(code === 0 ? 2 : code);
}

const result = JSON.parse(readFileSync(jsonFile, "utf8"));
if (env.GITHUB_STEP_SUMMARY && input("summary") !== "false") {
  appendFileSync(env.GITHUB_STEP_SUMMARY, readFileSync(markdownFile, "utf8"));
}
setOutputs({
  findings: result.findings.length,
  allowed: result.allowed.length,
  sarif: sarifFile,
  "exit-code": code,
});
rmSync(out, { recursive: true, force: true });
process.exit(code);
