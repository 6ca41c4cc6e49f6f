// The Markdown tables bench:peers prints: timings with their ratios and goals, and recall against the peers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fallowGroups, jscpdGroups, recallAgainst, sample } from "./peers-recall.mjs";
import { Failure } from "./peers-setup.mjs";

export const PEERS = ["jscpd", "fallow"];
export const RESCAN = "lineitem re-scan";
// The copy search alone (`lineitem copies`: lexer, no concerns, history or index): what the peers do.
export const COPIES = "lineitem copies";

export const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
export const count = (n) => (Number.isFinite(n) ? n.toLocaleString("en-US") : "–");
export const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

export function timingTable(figures, spec, read) {
  const rows = [
    "| tool | wall (s) | CPU (s) | peak RSS (MiB) | files read | lines read | settings |",
    "|---|--:|--:|--:|--:|--:|---|",
  ];
  for (const [tool, f] of Object.entries(figures)) {
    const r = read[tool] ?? {};
    rows.push(
      `| ${tool} | ${fixed(f.wall)} | ${fixed(f.cpu)} | ${fixed(f.rssMiB, 0)} | ${count(r.files)} | ${count(r.lines)} | ${spec[tool].note} |`,
    );
  }
  const ours = figures.lineitem;
  const peers = PEERS.filter((p) => figures[p]);
  if (!ours || !peers.length) return { text: rows.join("\n"), verdict: null };
  const ratio = (peer) =>
    `| ${peer} | ${fixed(ours.wall / figures[peer].wall)}× | ${fixed(ours.cpu / figures[peer].cpu)}× | ${fixed(ours.rssMiB / figures[peer].rssMiB)}× |`;
  rows.push("", "| lineitem scan ÷ | wall | CPU | peak RSS |", "|---|--:|--:|--:|", ...peers.map(ratio));
  const copies = figures[COPIES];
  if (copies) {
    const copiesRatio = (peer) =>
      `| ${peer} | ${fixed(copies.wall / figures[peer].wall)}× | ${fixed(copies.cpu / figures[peer].cpu)}× | ${fixed(copies.rssMiB / figures[peer].rssMiB)}× |`;
    rows.push(
      "",
      "| lineitem copies ÷ | wall | CPU | peak RSS |",
      "|---|--:|--:|--:|",
      ...peers.map(copiesRatio),
    );
  }
  const faster = peers.reduce((a, b) => (figures[b].wall < figures[a].wall ? b : a));
  const verdict = {
    fasterPeer: faster,
    wallRatioToFaster: ours.wall / figures[faster].wall,
    wallGoalMet: ours.wall <= figures[faster].wall,
    copiesWallRatioToFaster: copies ? copies.wall / figures[faster].wall : null,
    copiesWallGoalMet: copies ? copies.wall <= figures[faster].wall : null,
    rssRatioToJscpd: figures.jscpd ? ours.rssMiB / figures.jscpd.rssMiB : null,
    rssGoalMet: figures.jscpd ? ours.rssMiB <= figures.jscpd.rssMiB : null,
  };
  rows.push(
    "",
    `Faster peer: ${faster} (${fixed(figures[faster].wall)} s). lineitem scan (concerns, history and index too) takes ${fixed(verdict.wallRatioToFaster)}× its wall time; goal ≤ 1.00×: ${verdict.wallGoalMet ? "met" : "not met"}.`,
  );
  if (copies)
    rows.push(
      `lineitem copies (parse + fingerprints + groups, the goal's measure) takes ${fixed(verdict.copiesWallRatioToFaster)}× ${faster}'s wall time${faster !== "jscpd" && figures.jscpd ? ` and ${fixed(copies.wall / figures.jscpd.wall)}× jscpd's` : ""}; goal ≤ 1.00× the faster peer: ${verdict.copiesWallGoalMet ? "met" : "not met"}.`,
    );
  const rescan = figures[RESCAN];
  if (rescan) {
    verdict.rescanRatio = rescan.wall / ours.wall;
    rows.push(
      `Re-scan with nothing changed: ${fixed(rescan.wall)} s, ${fixed(verdict.rescanRatio)}× the cold scan; goal ≤ 0.10×: ${verdict.rescanRatio <= 0.1 ? "met" : "not met"}.`,
    );
  }
  if (figures.jscpd)
    rows.push(
      `Peak RSS: lineitem ${fixed(ours.rssMiB, 0)} MiB, jscpd ${fixed(figures.jscpd.rssMiB, 0)} MiB (${fixed(verdict.rssRatioToJscpd)}×); goal ≤ jscpd: ${verdict.rssGoalMet ? "met" : "not met"}.`,
    );
  return { text: rows.join("\n"), verdict };
}

const where = (m) => `${m.file ?? `${m.repo}/${m.path}`}:${m.start ?? m.startLine}-${m.end ?? m.endLine}`;
const places = (members) => members.slice(0, 3).map(where).join("  ~  ") + (members.length > 3 ? "  …" : "");

export function recallReport(outDir, tools, sampleSize, file, title) {
  if (!tools.includes("lineitem") || !tools.includes("jscpd"))
    return { text: "Recall: not measured (it needs lineitem and jscpd in --only).", figures: null };
  const result = readJson(join(outDir, file));
  const groups = result?.clones?.groups;
  if (!Array.isArray(groups))
    return {
      text: "Recall: not measured: lineitem's JSON has no clones.groups yet (this build does not report copies).",
      figures: null,
    };
  const jscpdReport = readJson(join(outDir, "jscpd-report.json"));
  if (!jscpdReport) throw new Failure(`jscpd wrote no readable ${join(outDir, "jscpd-report.json")}`);
  const jscpd = jscpdGroups(jscpdReport);
  const recall = recallAgainst(jscpd, groups);
  const fallowReport = tools.includes("fallow") ? readJson(join(outDir, "fallow.json")) : null;
  const fallow = fallowReport ? fallowGroups(fallowReport) : null;
  const againstFallow = fallow ? recallAgainst(fallow, groups) : null;
  const byKind = (list) =>
    ["exact", "renamed", "near-miss"]
      .map((k) => `${k} ${count(list.filter((g) => g.kind === k).length)}`)
      .join(", ");
  const share = (part, whole) => fixed(part / Math.max(1, whole), 3);
  const lines = [
    `| ${title} | groups |`,
    "|---|--:|",
    `| jscpd: clone groups (its pairs joined through shared places) | ${count(jscpd.length)} |`,
    `| jscpd: cross-directory groups of 50+ tokens | ${count(recall.wanted)} |`,
    `| lineitem: of those, also reported (**recall**) | ${count(recall.found.length)} (${share(recall.found.length, recall.wanted)}) |`,
    `| lineitem: clone groups | ${count(groups.length)} |`,
    `| lineitem: of those, cross-team | ${count(groups.filter((g) => g.crossTeam).length)} |`,
    `| lineitem: of those, boilerplate (listed with --show-boilerplate) | ${count(groups.filter((g) => g.boilerplate).length)} |`,
    `| lineitem: groups no jscpd place overlaps | ${count(recall.onlyOurs.length)} (${byKind(recall.onlyOurs)}) |`,
  ];
  if (fallow) {
    lines.push(
      `| fallow: clone groups | ${count(fallow.length)} |`,
      `| fallow: cross-directory groups of 50+ tokens | ${count(againstFallow.wanted)} |`,
      `| lineitem: of those, also reported | ${count(againstFallow.found.length)} (${share(againstFallow.found.length, againstFallow.wanted)}) |`,
    );
  }
  lines.push(
    "",
    `Only jscpd (cross-directory, ${Math.min(sampleSize, recall.missed.length)} of ${recall.missed.length}):`,
  );
  for (const group of sample(recall.missed, sampleSize))
    lines.push(`- ${group.tokens} tokens: ${places(group.members)}`);
  lines.push(
    "",
    `Only lineitem (${Math.min(sampleSize, recall.onlyOurs.length)} of ${recall.onlyOurs.length}):`,
  );
  for (const group of sample(recall.onlyOurs, sampleSize)) {
    const tag = [group.kind, group.level, `${group.tokens} tokens`, group.boilerplate]
      .filter(Boolean)
      .join(" ");
    lines.push(`- ${tag}: ${places(group.members)}`);
  }
  const located = (group) => ({ tokens: group.tokens, members: group.members.map(where) });
  return {
    text: lines.join("\n"),
    figures: {
      jscpdGroups: jscpd.length,
      wanted: recall.wanted,
      found: recall.found.length,
      recall: recall.found.length / Math.max(1, recall.wanted),
      lineitemGroups: groups.length,
      lineitemCrossTeam: groups.filter((g) => g.crossTeam).length,
      onlyLineitem: recall.onlyOurs.length,
      fallowGroups: fallow?.length ?? null,
      fallowWanted: againstFallow?.wanted ?? null,
      fallowFound: againstFallow?.found.length ?? null,
      onlyJscpdGroups: recall.missed.map(located),
      onlyLineitemGroups: recall.onlyOurs.map((g) => ({
        id: g.id,
        kind: g.kind,
        level: g.level,
        ...located(g),
      })),
    },
  };
}
