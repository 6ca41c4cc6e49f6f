import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { acmeSpecDir, buildExampleOrg, loadExampleOrg } from "../src/demo/index.js";
import type { ScanResult } from "../src/result/index.js";
import { BIN, runProcess } from "./helpers/bin.js";
import { makeBranch } from "./helpers/branches.js";
import { SEARCH_OWNERS, SEARCH_RETRY } from "./helpers/check-sources.js";
import { runCli } from "./helpers/cli.js";
import { everyOutput, OUTPUT_NAMES, type OutputName } from "./helpers/outputs.js";
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
  let outputs: Map<OutputName, string>;

  beforeAll(async () => {
    outputs = await everyOutput(dir, {
      org,
      index,
      config,
      check: { repo: join(org, "storefront"), head: "search-retry" },
    });
  }, 240_000);

  it.each(OUTPUT_NAMES)("%s names no one's email", (name) => {
    expect(emailsIn(outputs.get(name) ?? "")).toEqual([]);
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

describe("nothing sent over the network", () => {
  const hook = join(dir, "deny-network.cjs");
  const log = join(dir, "network-attempts.log");
  const unshare = spawnSync("unshare", ["-n", "true"]).status === 0;

  /** Runs the built lineitem with networking denied: its own network namespace (when the kernel lets us) and the hook. */
  const denied = (command: string, args: string[]) =>
    runProcess(unshare ? "unshare" : command, unshare ? ["-n", command, ...args] : args, {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1", NODE_OPTIONS: `--require ${hook}`, LINEITEM_NETWORK_LOG: log },
    });
  /** The built lineitem, networking denied: it must succeed and print nothing on stderr. */
  const offline = async (args: string[]) => {
    const done = await denied(process.execPath, [BIN, ...args, "-q"]);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
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
    await offline(["scan", org, "-c", config, "--index", offlineIndex, "--json", "offline-scan.json"]);
    const result = JSON.parse(readFileSync(join(dir, "offline-scan.json"), "utf8")) as ScanResult;
    expect(result.concerns.length).toBeGreaterThan(5);
    expect(result.repos.every((repo) => repo.history === "ok")).toBe(true);
    await offline(["trend", org, "-c", config, "--index", offlineIndex, "--json", "offline-trend.json"]);
    await offline([
      "report",
      "--index",
      offlineIndex,
      "--trend",
      "offline-trend.json",
      "--format",
      "html",
      "-o",
      "offline.html",
    ]);
    expect(readFileSync(join(dir, "offline.html"), "utf8")).toContain('id="lineitem-data"');
    expect(existsSync(log) ? readFileSync(log, "utf8") : "").toBe("");
  }, 240_000);
});
