// The command line as 19 modules instead of 319 (its own, its packages' and Node's): Node resolves, reads
// and links each ES module on its own, and for `lineitem` that was about 0.2 s of every run (`lineitem
// --version` took 0.36 s from dist/cli, 0.19 s from this bundle; see docs/architecture.md). Linked from
// tsc's output (dist/), so tsc stays the only compiler; `npm run build` runs both.
import { builtinModules } from "node:module";
import { defineConfig } from "rolldown";

export default defineConfig({
  input: {
    lineitem: "dist/cli/bin.js",
    // Worker threads start from a file of their own: the scan's reader, beside the chunks it shares.
    "parse-worker": "dist/scan/parse-worker.js",
  },
  platform: "node",
  external: [
    /^node:/,
    ...builtinModules,
    // Native addons, WebAssembly and packages that find their own files or start their own workers stay
    // where npm put them.
    "better-sqlite3",
    "oxc-parser",
    /^oxc-parser\//,
    "web-tree-sitter",
    "tree-sitter-wasms",
    "recheck",
    "piscina",
    "pg",
    "playwright-core",
  ],
  output: {
    dir: "dist/bundle",
    format: "esm",
    entryFileNames: "[name].js",
    chunkFileNames: "[name]-[hash].js",
    sourcemap: true,
    cleanDir: true,
  },
});
