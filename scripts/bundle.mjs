// `npm run build`'s second step: links tsc's output into the command line's bundle (rolldown.config.mjs),
// quietly; a failure prints rolldown's message and exits non-zero.
import { build } from "rolldown";
import config from "../rolldown.config.mjs";

try {
  await build({ ...config, logLevel: "warn" });
} catch (error) {
  process.stderr.write(`bundle: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
