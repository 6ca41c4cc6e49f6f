import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import { pageData, renderPage } from "../report/index.js";
import type { TrendResult } from "../result/index.js";
import { latestScanId, promoteFromScan } from "../scan/index.js";
import { isUserError } from "../shared/index.js";
import { loadHtmlAssets } from "./assets.js";
import { reportData, scanFromIndex, trendFromFile } from "./report-data.js";

export interface ServeOptions {
  /** The index whose last finished scan is shown; read again whenever a newer one lands. */
  indexFile: string;
  /** A trend (`lineitem trend --json`), read again when the file changes. */
  trendFile?: string | undefined;
  /** Where "name it" writes concern definitions. */
  concernsDir: string;
  /** 127.0.0.1 unless told otherwise. */
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Bodies larger than this are refused: the only one the API takes is a short form. */
const MAX_BODY = 16 * 1024;
const CONCERN_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
  "cross-origin-resource-policy": "same-origin",
};

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, ...SECURITY_HEADERS });
  res.end(body);
}
const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * The local dashboard: the HTML report's page, drawing live from the index. It serves exactly four
 * things — the page, its data, the data's version, and "name it" — and nothing from disk by path, so
 * there is no path to traverse; requests for anything else, or naming another host (a DNS-rebinding
 * page), are refused.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const assets = loadHtmlAssets();
  const page = renderPage(assets, { mode: "live", title: "lineitem dashboard" });
  // The page data of the newest scan, kept (with its JSON) until another scan lands or the trend changes:
  // a poll asks only which scan is newest, never reads a result it already has.
  let cache: { key: string; data: ReturnType<typeof pageData>; json: string } | undefined;
  let trendCache: { mtime: number; trend: TrendResult } | undefined;
  const trendNow = (): TrendResult | null => {
    if (!options.trendFile) return null;
    const mtime = statSync(options.trendFile).mtimeMs;
    if (!trendCache || trendCache.mtime !== mtime)
      trendCache = { mtime, trend: trendFromFile(options.trendFile) };
    return trendCache.trend;
  };
  const dataNow = async () => {
    const latest = await latestScanId(options.indexFile);
    const trend = trendNow();
    const key = `${latest?.id ?? "none"}\0${trend?.generatedAt ?? ""}`;
    if (!cache || cache.key !== key) {
      const { scan } = await scanFromIndex(options.indexFile);
      const data = pageData(await reportData(scan, trend, `index ${options.indexFile}`));
      cache = { key, data, json: JSON.stringify(data) };
    }
    return cache;
  };

  let allowedHosts = new Set<string>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHosts.has((req.headers.host ?? "").toLowerCase())) {
      sendJson(res, 421, { error: "this server answers only to its own address" });
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://local").pathname);
    } catch {
      sendJson(res, 400, { error: "not a path" });
      return;
    }
    const route = `${req.method} ${path}`;
    if (route === "GET /" || route === "GET /index.html") {
      send(res, 200, "text/html; charset=utf-8", page);
    } else if (route === "GET /api/data") {
      send(res, 200, "application/json; charset=utf-8", (await dataNow()).json);
    } else if (route === "GET /api/version") {
      sendJson(res, 200, { version: (await dataNow()).data.version });
    } else if (route === "POST /api/promote") {
      await promote(req, res);
    } else {
      sendJson(res, 404, { error: "not found" });
    }
  };

  const promote = async (req: IncomingMessage, res: ServerResponse) => {
    // A form on another site cannot send JSON without asking first; its Origin, if any, must be ours.
    const origin = req.headers.origin;
    if (
      !(req.headers["content-type"] ?? "").startsWith("application/json") ||
      (origin && !allowedHosts.has(new URL(origin).host))
    ) {
      sendJson(res, 403, { error: "only the dashboard itself can name work" });
      return;
    }
    let body: { unnamed?: unknown; id?: unknown; title?: unknown };
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      sendJson(res, 400, { error: "send JSON: { unnamed, id, title }" });
      return;
    }
    const id = typeof body.id === "string" ? body.id : "";
    if (!CONCERN_ID.test(id) || typeof body.unnamed !== "string") {
      sendJson(res, 400, {
        error: "id: lower-case letters, digits and dashes, starting with a letter or digit",
      });
      return;
    }
    const file = join(options.concernsDir, `${id}.yaml`);
    if (existsSync(file)) {
      sendJson(res, 409, { error: `${file} already exists` });
      return;
    }
    const { scan } = await scanFromIndex(options.indexFile);
    const draft = promoteFromScan(scan, options.indexFile, body.unnamed, {
      id,
      ...(typeof body.title === "string" && body.title.trim()
        ? { title: body.title.trim().slice(0, 200) }
        : {}),
    });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, draft.yaml, { flag: "wx" });
    sendJson(res, 201, { file });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      const status = isUserError(error) ? 400 : 500;
      if (!res.headersSent)
        sendJson(res, status, { error: isUserError(error) ? error.message : "internal error" });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const hostPart = options.host.includes(":") ? `[${options.host}]` : options.host;
  allowedHosts = new Set([`${hostPart}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  return {
    url: `http://${hostPart}:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
