import { createApp } from "./app";
import { loadConfig } from "./config";
import { closePool } from "./db";
import { logger } from "./lib/logger";

const config = loadConfig();
const app = createApp(config);

const server = app.listen(config.PORT, () => {
  logger.info("payments-api listening", { port: config.PORT, env: config.NODE_ENV });
});

function shutdown(signal: string) {
  logger.info("shutting down", { signal });
  server.close(async () => {
    await closePool();
    process.exit(0);
  });
  setTimeout(() => process.exit(1), 15_000).unref();
}

process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
