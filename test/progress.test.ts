import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildExampleOrg } from "../src/demo/index.js";
import { BIN, runBin } from "./helpers/bin.js";
import { tempDir } from "./helpers/repos.js";

// Progress on stderr: a bar on a terminal (a real pseudo-terminal, through util-linux's `script`), plain
// lines on a pipe, nothing with --quiet; stdout carries only the result either way.

const ESC = "\u001b";

describe("progress", async () => {
  const dir = tempDir();
  const org = await buildExampleOrg(join(dir, "acme"));

  it("draws a bar with the stage, counts and ETA on a terminal", () => {
    const command = `${process.execPath} ${BIN} scan ${org.dir} --no-index --json ${join(dir, "out.json")}`;
    const run = spawnSync("script", ["-qec", command, "/dev/null"], {
      encoding: "utf8",
      env: { ...process.env, TERM: "xterm" },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/lineitem reading \[[^\]]+\] 315\/315 files \| \d+s \| ETA \d+s/);
    expect(run.stdout).toMatch(/lineitem listing \[[^\]]+\] 5\/5 repositories/);
    expect(run.stdout).toContain("lineitem: looking for copies among");
  });

  it("prints plain lines on a pipe, and nothing with --quiet", async () => {
    const piped = await runBin(["scan", org.dir, "--no-index", "--json", "-"]);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toContain("lineitem: reading and parsing 315 files in 5 repositories…\n");
    expect(piped.stderr).not.toContain(ESC);
    expect(() => JSON.parse(piped.stdout)).not.toThrow();
    const quiet = await runBin(["scan", org.dir, "--no-index", "--json", "-", "-q"]);
    expect(quiet.stderr).toBe("");
  });
});
