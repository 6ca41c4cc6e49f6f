#!/usr/bin/env node
// Committed with its executable bit, so the command works on a fresh clone however npm orders linking
// and building; the CLI itself is compiled to dist/ and linked into dist/bundle/ by `npm run build` (run by
// `npm install`).
import { existsSync } from "node:fs";

const entry = new URL("../dist/bundle/lineitem.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "lineitem: not built yet. Run `npm install` (or `npm run build`) in the lineitem folder.\n",
  );
  process.exit(2);
}
await import(entry.href);
