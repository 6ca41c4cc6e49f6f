import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/shared/index.js";

const BIN = join(packageRoot, "bin", "lineitem.js");

/** Runs the built `lineitem` as a user's shell would (npm test builds dist first). */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the lineitem executable", () => {
  it("answers --version with exit 0", async () => {
    const result = await run(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("exits 2 with a message and no stack trace on a user mistake", async () => {
    const result = await run(["scan", "/no/such/folder/at/all"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lineitem: \/no\/such\/folder\/at\/all: no such file or folder\.\nhint: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on an unknown command", async () => {
    const result = await run(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it("stops quietly when its reader goes away (lineitem … | head)", async () => {
    // A real shell pipe (64 KB) into `head`: the JSON of the example's plain files is larger, so writing it
    // hits the closed pipe, as it does for a user.
    const acme = join(packageRoot, "examples", "acme", "repos");
    const script = `node "${BIN}" scan "${acme}" --json - --quiet 2>&1 | head -c 1 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`;
    const result = await new Promise<string>((resolve) => {
      const child = spawn("bash", ["-c", script]);
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk;
      });
      child.on("close", () => resolve(out));
    });
    expect(result.trim()).toBe("exit=0");
  });
});
