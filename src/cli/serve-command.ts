import { dirname, join, resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { scanFromIndex, startServer } from "../web/index.js";
import type { CliIo } from "./io.js";
import { indexFileOf } from "./report-command.js";

export interface ServeFlags {
  index?: string;
  config?: string;
  trend?: string;
  port: number;
  host: string;
}

export const DEFAULT_PORT = 4477;

export const SERVE_HELP = `
A local dashboard over the index: the same views as the HTML report (overview, concerns with their code
side by side, drift, ledger, trends, unnamed work), drawn from the last finished scan and redrawn when a
newer one lands. "Name it" on unnamed work writes a concern definition into concerns/ beside the config.

It listens on 127.0.0.1 only, unless --host says otherwise, and answers only to its own address; it
serves its page and its API, nothing from disk by path. Stop it with Ctrl-C.

Examples:
  $ lineitem serve                                  the index in ./.lineitem/, on http://127.0.0.1:${DEFAULT_PORT}/
  $ lineitem serve -c ~/src/acme/lineitem.config.yaml --trend trend.json --port 8080
`;

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError("give a port from 0 to 65535.");
  return port;
}

/** `lineitem serve`: starts the dashboard and keeps it up until the process is stopped. */
export async function runServe(flags: ServeFlags, io: CliIo, stopped: Promise<void>): Promise<number> {
  const indexFile = indexFileOf(flags, io);
  await scanFromIndex(indexFile); // A missing or empty index is said now, not on the first page view.
  const base = flags.config ? dirname(resolve(io.cwd, flags.config)) : io.cwd;
  const server = await startServer({
    indexFile,
    trendFile: flags.trend ? resolve(io.cwd, flags.trend) : undefined,
    concernsDir: join(base, "concerns"),
    host: flags.host,
    port: flags.port,
  });
  io.stdout(`lineitem dashboard on ${server.url} (the index ${indexFile}); Ctrl-C stops it.\n`);
  if (!["127.0.0.1", "localhost", "::1"].includes(flags.host)) {
    io.stderr(
      `lineitem: listening on ${flags.host}: anyone who can reach this address sees the scan's code.\n`,
    );
  }
  await stopped;
  await server.close();
  return 0;
}

/** Adds `lineitem serve` to the program. */
export function addServeCommand(cli: Command, io: CliIo, run: (job: Promise<number>) => void): void {
  cli
    .command("serve")
    .description("a local dashboard over the index (127.0.0.1), live: the HTML report's views as scans land")
    .option(
      "--index <file>",
      "the index (default: .lineitem/index.sqlite beside --config, or in the current folder)",
    )
    .option("-c, --config <file>", "the lineitem.config.yaml whose index to show (and where concerns/ is)")
    .option(
      "--trend <trend.json>",
      "also draw a trend `lineitem trend --json` wrote (read again when it changes)",
    )
    .addOption(
      new Option("--port <n>", "the port (0: any free one)").default(DEFAULT_PORT).argParser(parsePort),
    )
    .option("--host <address>", "the address to listen on", "127.0.0.1")
    .addHelpText("after", SERVE_HELP)
    .action((flags: ServeFlags) => {
      const stopped = new Promise<void>((resolveStop) => {
        process.once("SIGINT", () => resolveStop());
        process.once("SIGTERM", () => resolveStop());
      });
      run(runServe(flags, io, stopped));
    });
}
