// The dashboard's server on its own: loopback only, its own address only, no path to traverse, many
// requests at once. The pages it serves are driven in a browser in test/web.test.ts.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExampleOrg } from "../src/demo/index.js";
import { scan } from "../src/scan/index.js";
import { type RunningServer, startServer } from "../src/web/index.js";
import { BIN } from "./helpers/bin.js";
import { runCli } from "./helpers/cli.js";
import { tempDir } from "./helpers/repos.js";

/** A raw HTTP request, so paths reach the server exactly as written (no client normalisation). */
function raw(url: string, path: string, headers: Record<string, string> = {}, method = "GET", body?: string) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the dashboard's server", () => {
  const dir = tempDir("lineitem-serve-test-");
  let server: RunningServer;

  beforeAll(async () => {
    const org = await buildExampleOrg(join(dir, "acme"));
    const indexFile = join(dir, "index.sqlite");
    await scan({ paths: [join(org.dir, "payments-api")], cwd: dir, index: { file: indexFile } });
    server = await startServer({ indexFile, concernsDir: join(dir, "concerns"), host: "127.0.0.1", port: 0 });
  }, 120_000);
  afterAll(() => server?.close());

  it("listens on loopback unless told otherwise, from the command line too", async () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
    const child = spawn(process.execPath, [
      BIN,
      "serve",
      "--index",
      join(dir, "index.sqlite"),
      "--port",
      "0",
    ]);
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk;
        const found = /on (http:\/\/\S+?\/) /.exec(out);
        if (found) resolve(found[1] as string);
      });
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
    // The kernel's own list of listening sockets: this port is bound to 127.0.0.1 only.
    const port = Number(new URL(url).port).toString(16).toUpperCase().padStart(4, "0");
    const listeners = ["/proc/net/tcp", "/proc/net/tcp6"]
      .flatMap((file) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(1) : []))
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === "0A" && fields[1]?.endsWith(`:${port}`))
      .map((fields) => fields[1]?.split(":")[0]);
    child.kill("SIGINT");
    expect(new URL(url).hostname).toBe("127.0.0.1");
    expect(listeners).toEqual(["0100007F"]);
  });

  it.each([
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/%252e%252e/etc/passwd",
    "/api/../../package.json",
    "//etc/passwd",
    "/index.html/../../../etc/passwd",
    "/assets/app.js",
    "/api/data/../../../../etc/passwd",
  ])("refuses %s", async (path) => {
    const answer = await raw(server.url, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain("root:");
  });

  it("answers only to its own address, and takes names only as JSON from itself", async () => {
    expect((await raw(server.url, "/api/data", { host: "evil.example" })).status).toBe(421);
    expect((await raw(server.url, "/api/data")).status).toBe(200);
    const form = await raw(
      server.url,
      "/api/promote",
      { "content-type": "application/x-www-form-urlencoded" },
      "POST",
      "id=x",
    );
    expect(form.status).toBe(403);
    const elsewhere = await raw(
      server.url,
      "/api/promote",
      { "content-type": "application/json", origin: "http://evil.example" },
      "POST",
      '{"unnamed":"unnamed-1","id":"x"}',
    );
    expect(elsewhere.status).toBe(403);
    const badId = await raw(
      server.url,
      "/api/promote",
      { "content-type": "application/json" },
      "POST",
      '{"unnamed":"unnamed-1","id":"../x"}',
    );
    expect(badId.status).toBe(400);
  });

  it("answers many requests at once without an error, all with the same version", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => raw(server.url, i % 2 ? "/api/version" : "/api/data")),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const versions = new Set(answers.filter((_, i) => i % 2).map((a) => JSON.parse(a.body).version));
    expect(versions.size).toBe(1);
  });

  it("refuses to start over an index that holds no scan, with exit 2", async () => {
    const run = await runCli(["serve", "--index", join(dir, "none.sqlite"), "--port", "0"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/none\.sqlite/);
  });
});
