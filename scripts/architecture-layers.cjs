/** The pipeline's layering, read by .dependency-cruiser.cjs and checked against docs/architecture.md. */

/** Stage → the stages it may import (through their index.ts). */
const layers = {
  shared: [],
  git: ["shared"],
  config: ["shared"],
  sources: ["shared", "git"],
  ownership: ["shared", "config"],
  lang: ["shared"],
  similarity: [],
  concerns: ["shared", "lang"],
  clusters: ["concerns", "lang"],
  history: ["shared", "git"],
  store: ["shared"],
  ledger: ["shared", "history", "result"],
  trend: ["shared", "clusters", "result"],
  result: [],
  scan: [
    "shared",
    "config",
    "sources",
    "ownership",
    "lang",
    "similarity",
    "concerns",
    "clusters",
    "history",
    "ledger",
    "trend",
    "result",
    "store",
  ],
  report: ["result"],
  web: ["shared", "scan", "report", "result"],
  demo: ["shared", "git"],
  cli: ["shared", "scan", "report", "result", "demo", "web"],
};

/** Stages that must stay free of I/O: data in, data out. */
const pure = [
  "similarity",
  "clusters",
  "ledger",
  "trend",
  "report",
  "result",
  "concerns/(engine|feature-view|focus|implementations|imported-units|libraries|compile|words|definition|module-graph|values|parameters)",
];

module.exports = { layers, pure };
