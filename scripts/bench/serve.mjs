// npm run bench:serve: `lineitem serve` under a bounded load from a second process on loopback. The
// example org is built and scanned (with a trend) into a fresh index, the dashboard is started as its own
// process, and autocannon (in this process) sends requests to each of the main calls for a fixed time
// with a fixed number of connections: requests per second, latency (median, p99, max), errors and
// non-2xx answers, and the server's resident memory before and after (VmRSS, and its peak VmHWM, from
// /proc). A benchmark, not a test: it fails only when something could not be measured.
//
//   npm run bench:serve                              10 s per call, 10 connections
//   npm run bench:serve -- --seconds 5 --connections 50
//
// Exit codes: 0 done, 2 something failed (one line on stderr).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const root = new URL("../..", import.meta.url).pathname;
const bin = join(root, "bin", "lineitem.js");
const { values } = parseArgs({
  options: { seconds: { type: "string", default: "10" }, connections: { type: "string", default: "10" } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const say = (text) => process.stderr.write(`bench: ${text}\n`);

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rssMiB: kib("VmRSS") / 1024, peakMiB: kib("VmHWM") / 1024 };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "lineitem-bench-serve-"));
  try {
    say(`building the example org and scanning it into ${dir}`);
    const org = join(dir, "acme");
    execFileSync(process.execPath, [bin, "demo", "--out", org, "-q", "--no-index"], { stdio: "ignore" });
    const index = join(dir, "index.sqlite");
    execFileSync(process.execPath, [bin, "scan", org, "--index", index, "-q"], { stdio: "ignore" });
    const trend = join(dir, "trend.json");
    writeFileSync(
      trend,
      execFileSync(process.execPath, [bin, "trend", org, "--index", index, "-q", "--json", "-"], {
        maxBuffer: 1 << 28,
      }),
    );
    const server = spawn(
      process.execPath,
      [bin, "serve", "--index", index, "--trend", trend, "--port", "0"],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const url = await new Promise((resolve, reject) => {
      let out = "";
      server.stdout.on("data", (chunk) => {
        out += chunk;
        const found = /on (http:\/\/\S+?\/) /.exec(out);
        if (found) resolve(found[1]);
      });
      server.on("exit", (code) => reject(new Error(`the dashboard exited with ${code} before listening`)));
    });
    say(`dashboard on ${url} (process ${server.pid}); ${seconds} s per call, ${connections} connections`);
    // One request first, so the data is read and cached as a person's first view would.
    await fetch(`${url}api/data`).then((r) => r.arrayBuffer());
    const before = memoryOf(server.pid);
    const rows = [];
    for (const path of ["", "api/version", "api/data"]) {
      const result = await autocannon({ url: `${url}${path}`, connections, duration: seconds });
      rows.push({
        call: `GET /${path}`,
        requestsPerSecond: result.requests.average,
        medianMs: result.latency.p50,
        p99Ms: result.latency.p99,
        maxMs: result.latency.max,
        requests: result.requests.total,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        kibPerRequest: result.requests.total ? result.throughput.total / result.requests.total / 1024 : 0,
      });
      say(`GET /${path}: ${Math.round(result.requests.average)} requests/s, p99 ${result.latency.p99} ms`);
    }
    const after = memoryOf(server.pid);
    server.kill("SIGINT");
    const lines = [
      `lineitem serve under load: ${connections} connections, ${seconds} s per call, loopback, example org (with its trend)`,
      ...rows.map(
        (r) =>
          `${r.call.padEnd(18)} ${Math.round(r.requestsPerSecond).toString().padStart(6)} req/s  median ${r.medianMs} ms  p99 ${r.p99Ms} ms  max ${r.maxMs} ms  ${r.requests} requests  ${r.errors} errors  ${r.non2xx} non-2xx  ${r.kibPerRequest.toFixed(0)} KiB each`,
      ),
      `server memory: ${before.rssMiB.toFixed(0)} MiB before, ${after.rssMiB.toFixed(0)} MiB after (peak ${after.peakMiB.toFixed(0)} MiB)`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exit(2);
});
