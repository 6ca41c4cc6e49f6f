import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acmeSpecDir, buildExampleOrg, loadExampleOrg } from "../src/demo/index.js";
import type { ScanResult } from "../src/result/index.js";
import { type RunningServer, startServer } from "../src/web/index.js";
import { BIN } from "./helpers/bin.js";
import { makeBranch } from "./helpers/branches.js";
import { SEARCH_OWNERS, SEARCH_RETRY } from "./helpers/check-sources.js";
import { runCli } from "./helpers/cli.js";
import { tempDir } from "./helpers/repos.js";

// People are counted, not named: no output of the example org carries a person's email unless --emails
// asks for it. And nothing is sent over the network: a scan, a trend and an HTML report run in a network
// namespace of their own (no interface but a loopback that is down), with a hook that records and refuses
// every attempt to resolve a name or open a connection.

const dir = tempDir("lineitem-privacy-");
const people = loadExampleOrg(acmeSpecDir).people.map((person) => person.email);
/** Everyone who committed to the example org (and the branch a check reads), bots included. */
const emails = [...new Set([...people, "sol.reyes@acme.example"])];
const emailsIn = (text: string) => emails.filter((email) => text.toLowerCase().includes(email.toLowerCase()));

let org: string;
let config: string;
let index: string;

beforeAll(async () => {
  org = (await buildExampleOrg(join(dir, "acme"))).dir;
  config = join(org, "lineitem.config.yaml");
  index = join(dir, "index.sqlite");
  makeBranch(join(org, "storefront"), "search-retry", {
    write: { "services/search/src/retry.ts": SEARCH_RETRY },
    append: { ".github/CODEOWNERS": SEARCH_OWNERS },
  });
}, 120_000);

describe("emails, only when asked for", () => {
  const outputs = new Map<string, string>();
  let server: RunningServer;

  const run = async (name: string, args: string[], files: string[] = []) => {
    const done = await runCli(args, dir);
    expect(done.code, `${name}: ${done.stderr}`).toBeLessThanOrEqual(1);
    outputs.set(name, `${done.stdout}\n${done.stderr}`);
    for (const file of files) outputs.set(`${name} ${file}`, readFileSync(join(dir, file), "utf8"));
    return done;
  };

  beforeAll(async () => {
    const common = ["-c", config, "--index", index, "-q"];
    await run("scan", ["scan", org, ...common]);
    await run("scan --json", ["scan", org, ...common, "--json", "-"]);
    await run(
      "scan --people",
      ["scan", org, ...common, "--people", "--json", "people.json"],
      ["people.json"],
    );
    for (const format of ["markdown", "csv", "html", "json"]) {
      await run(`report ${format}`, ["report", "--index", index, "--format", format, "-q"]);
    }
    await run("ledger", ["ledger", org, ...common, "--csv", "ledger.csv"], ["ledger.csv"]);
    await run("ledger --people", ["ledger", org, ...common, "--people"]);
    await run(
      "trend",
      ["trend", org, ...common, "--json", "trend.json", "--csv", "trend.csv"],
      ["trend.json", "trend.csv"],
    );
    await run("trend --people", ["trend", org, ...common, "--people", "--json", "-"]);
    const check = [
      "check",
      join(org, "storefront"),
      "--base",
      "main",
      "--head",
      "search-retry",
      "-c",
      config,
    ];
    await run("check", [...check, "--index", index]);
    for (const format of ["sarif", "annotations", "markdown", "json"]) {
      await run(`check ${format}`, [...check, "--index", index, "--format", format]);
    }
    server = await startServer({
      indexFile: index,
      trendFile: join(dir, "trend.json"),
      concernsDir: join(dir, "concerns"),
      host: "127.0.0.1",
      port: 0,
    });
    outputs.set("dashboard /api/data", await (await fetch(`${server.url}api/data`)).text());
    outputs.set("dashboard page", await (await fetch(server.url)).text());
  }, 240_000);

  afterAll(async () => {
    await server?.close();
  });

  it.each([
    "scan",
    "scan --json",
    "scan --people",
    "scan --people people.json",
    "report markdown",
    "report csv",
    "report html",
    "report json",
    "ledger",
    "ledger ledger.csv",
    "ledger --people",
    "trend",
    "trend trend.json",
    "trend trend.csv",
    "trend --people",
    "check",
    "check sarif",
    "check annotations",
    "check markdown",
    "check json",
    "dashboard /api/data",
    "dashboard page",
  ])("%s names no one's email", (name) => {
    const output = outputs.get(name);
    expect(output, `${name} was not run`).toBeDefined();
    expect(emailsIn(output ?? "")).toEqual([]);
  });

  it("names people with --people, without their emails", () => {
    expect(outputs.get("ledger --people")).toContain("Kofi Mensah");
    const json = JSON.parse(outputs.get("scan --people people.json") ?? "{}") as ScanResult;
    expect(json.ledger.people?.length).toBeGreaterThan(0);
    expect(json.ledger.people?.every((person) => person.email === null)).toBe(true);
  });

  it("shows emails in the ledger with --emails, after .mailmap", async () => {
    const ledger = await runCli(["ledger", org, "-c", config, "--index", index, "-q", "--emails"], dir);
    expect(ledger.code).toBe(0);
    expect(ledger.stdout).toContain("Kofi Mensah <kofi.mensah@acme.example>");
    expect(ledger.stdout).not.toContain("kofi@kofis-laptop.local");
    const scanned = await runCli(
      ["scan", org, "-c", config, "--index", index, "-q", "--emails", "--json", "-"],
      dir,
    );
    const json = JSON.parse(scanned.stdout) as ScanResult;
    expect(json.ledger.people?.map((person) => person.email)).toContain("ana.lima@acme.example");
  });
});

/** A preloaded hook that records every attempt to reach the network and refuses it. */
const HOOK = `"use strict";
const fs = require("node:fs");
const log = process.env.LINEITEM_NETWORK_LOG;
function refuse(what) {
  fs.appendFileSync(log, process.pid + " " + what + "\\n");
  throw new Error("network use refused in this test: " + what);
}
function wrap(target, names, prefix) {
  for (const name of names) {
    if (typeof target[name] === "function") target[name] = () => refuse(prefix + name);
  }
}
wrap(require("node:net"), ["connect", "createConnection"], "net.");
wrap(require("node:net").Socket.prototype, ["connect"], "net.Socket#");
wrap(require("node:tls"), ["connect"], "tls.");
wrap(require("node:dns"), ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny"], "dns.");
wrap(require("node:dns").promises, ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny"], "dns.promises.");
wrap(require("node:http"), ["request", "get"], "http.");
wrap(require("node:https"), ["request", "get"], "https.");
wrap(require("node:dgram"), ["createSocket"], "dgram.");
wrap(globalThis, ["fetch"], "");
`;

interface Denied {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe("nothing sent over the network", () => {
  const hook = join(dir, "deny-network.cjs");
  const log = join(dir, "network-attempts.log");
  const unshare = spawnSync("unshare", ["-n", "true"]).status === 0;

  /** Runs the built lineitem with networking denied: its own network namespace (when the kernel lets us) and the hook. */
  const denied = (command: string, args: string[]): Promise<Denied> => {
    const [file, argv] = unshare ? ["unshare", ["-n", command, ...args]] : [command, args];
    return new Promise((resolve) => {
      const child = spawn(file, argv, {
        cwd: dir,
        env: {
          ...process.env,
          NO_COLOR: "1",
          NODE_OPTIONS: `--require ${hook}`,
          LINEITEM_NETWORK_LOG: log,
        },
      });
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
  };

  beforeAll(() => {
    writeFileSync(hook, HOOK);
    if (!unshare) {
      console.warn("unshare -n is refused here: networking is denied by the preloaded hook alone");
    }
  });

  it("denies the network to what it runs: a loopback listener outside cannot be reached, and the hook records the try", async () => {
    const listener = createServer((socket) => socket.end("reached"));
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    const port = (listener.address() as { port: number }).port;
    try {
      const probe = `require("node:net").connect(${port}, "127.0.0.1")`;
      const tried = await denied(process.execPath, ["-e", probe]);
      expect(tried.code).not.toBe(0);
      expect(readFileSync(log, "utf8")).toMatch(/net\.connect/);
      if (unshare) {
        // Without the hook, the namespace alone keeps the listener out of reach.
        const bare = spawnSync(
          "unshare",
          [
            "-n",
            process.execPath,
            "-e",
            `require("node:net").connect(${port}, "127.0.0.1").on("connect", () => process.exit(0)).on("error", (e) => { console.log(e.code); process.exit(3); })`,
          ],
          { encoding: "utf8" },
        );
        expect(bare.status).toBe(3);
        expect(bare.stdout.trim()).toMatch(/^E[A-Z]+$/);
      }
    } finally {
      writeFileSync(log, "");
      listener.close();
    }
  });

  it("scans the example org, draws its trend and writes its HTML report with no attempt to reach the network", async () => {
    writeFileSync(log, "");
    const offlineIndex = join(dir, "offline.sqlite");
    const scanned = await denied(process.execPath, [
      BIN,
      "scan",
      org,
      "-c",
      config,
      "--index",
      offlineIndex,
      "-q",
      "--json",
      "offline-scan.json",
    ]);
    expect(scanned.stderr).toBe("");
    expect(scanned.code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, "offline-scan.json"), "utf8")) as ScanResult;
    expect(result.concerns.length).toBeGreaterThan(5);
    expect(result.repos.every((repo) => repo.history === "ok")).toBe(true);
    const trended = await denied(process.execPath, [
      BIN,
      "trend",
      org,
      "-c",
      config,
      "--index",
      offlineIndex,
      "-q",
      "--json",
      "offline-trend.json",
    ]);
    expect(trended.stderr).toBe("");
    expect(trended.code).toBe(0);
    const reported = await denied(process.execPath, [
      BIN,
      "report",
      "--index",
      offlineIndex,
      "--trend",
      "offline-trend.json",
      "--format",
      "html",
      "-o",
      "offline.html",
      "-q",
    ]);
    expect(reported.stderr).toBe("");
    expect(reported.code).toBe(0);
    expect(readFileSync(join(dir, "offline.html"), "utf8")).toContain('id="lineitem-data"');
    expect(existsSync(log) ? readFileSync(log, "utf8") : "").toBe("");
  }, 240_000);
});
