import { config } from "./config";
import { createServer } from "./server";

const app = createServer();

const server = app.listen(config.port, () => {
  console.log(`catalog-bff listening on :${config.port}`);
});

process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
});
