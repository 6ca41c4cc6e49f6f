/**
 * Holds src/ to the layering in docs/architecture.md. The table in scripts/architecture-layers.cjs is the
 * single source of truth: a test checks that the table in docs/architecture.md says the same thing.
 */

const { layers, pure } = require("./scripts/architecture-layers.cjs");

const ioModules =
  "^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|dns|tls|worker_threads)$";
const networkModules = "^(node:)?(net|http|https|http2|dgram|dns|tls)$";

const layerRules = Object.entries(layers).map(([stage, allowed]) => ({
  name: `${stage}-imports-only-${allowed.length ? allowed.join("-") : "nothing"}`,
  comment: `src/${stage} may import only: ${allowed.length ? allowed.join(", ") : "no other stage"} (docs/architecture.md)`,
  severity: "error",
  from: { path: `^src/${stage}/` },
  to: { path: "^src/[^/]+/", pathNot: [`^src/(${[stage, ...allowed].join("|")})/`] },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "enter-a-stage-through-its-index",
      comment: "another stage's internals are private: import its index.ts",
      severity: "error",
      from: { path: "^src/([^/]+)/" },
      to: { path: "^src/[^/]+/.+", pathNot: ["^src/$1/", "^src/[^/]+/index\\.ts$"] },
    },
    {
      name: "pure-stages-do-no-io",
      comment: "similarity, clusters, report, result and the concern engine take data and return data",
      severity: "error",
      from: { path: `^src/(${pure.join("|")})` },
      to: { dependencyTypes: ["core"], path: ioModules },
    },
    {
      name: "nothing-talks-to-the-network",
      comment:
        "lineitem never sends anything anywhere; the one listener is the dashboard's server (src/web/server.ts, loopback by default)",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/web/server\\.ts$" },
      to: { dependencyTypes: ["core"], path: networkModules },
    },
    {
      name: "the-dashboard-only-listens",
      comment: "the dashboard's server may accept connections (node:http), never open them",
      severity: "error",
      from: { path: "^src/web/server\\.ts$" },
      to: { dependencyTypes: ["core"], path: "^(node:)?(net|https|http2|dgram|dns|tls)$" },
    },
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
