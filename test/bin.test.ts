import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/shared/index.js";
import { BIN, runBin } from "./helpers/bin.js";

describe("the lineitem executable", () => {
  it("answers --version with exit 0", async () => {
    const result = await runBin(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("exits 2 with a message and no stack trace on a user mistake", async () => {
    const result = await runBin(["scan", "/no/such/folder/at/all"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lineitem: \/no\/such\/folder\/at\/all: no such file or folder\.\nhint: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on an unknown command", async () => {
    const result = await runBin(["frobnicate"]);
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
