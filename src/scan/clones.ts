import { readFileSync } from "node:fs";
import { posix, resolve } from "node:path";
import picomatch from "picomatch";
import {
  type CloneCluster,
  type CloneGroupOfUnits,
  cloneClusters,
  type FoundImplementation,
  type SameJobCluster,
  sameJobClusters,
  type UnitKey,
} from "../clusters/index.js";
import type { GoldenPathConfig } from "../config/index.js";
import type { Literal } from "../lang/index.js";
import {
  type CloneInput,
  DEFAULT_SIMILARITY,
  type FindClonesOptions,
  findClones,
  type SetAside,
} from "../similarity/index.js";
import { gitBlobSha } from "../sources/index.js";
import type { RepoRead } from "./list-org.js";
import type { ScannedFile } from "./scanned-file.js";

/** A copy is exact when its text equals the others' apart from whitespace; renamed when only tokens match. */
export type CloneTextKind = "exact" | "renamed" | "near-miss";

export interface ClonesFound {
  /** Unit-level groups that are not boilerplate: the input of "copied from" and of unnamed work. */
  unitGroups: CloneGroupOfUnits[];
  /** Every group, with teams and canonical members; boilerplate groups included and marked. */
  clusters: (CloneCluster & { textKind: CloneTextKind })[];
  sameJob: SameJobCluster[];
  setAside: SetAside;
}

export interface CanonicalRule {
  repo?: string | undefined;
  path: string;
}

const MAX_FEATURE_STRING = 40;

/** What a unit is about, for same-job candidates: its words, callees, keys and short strings. */
function featuresOf(unit: {
  subwords: string[];
  calls: string[];
  keys: string[];
  literals: Literal[];
}): string[] {
  const strings = unit.literals
    .filter((l) => l.kind === "string" && String(l.value).length <= MAX_FEATURE_STRING)
    .map((l) => `"${l.value}`);
  return [
    ...unit.subwords.map((w) => `w:${w}`),
    ...unit.calls.map((c) => `c:${c}`),
    ...unit.keys.map((k) => `k:${k}`),
    ...strings,
  ];
}

/** Files on a golden path (repo + path) or matching a `canonical` rule of the config. */
function canonicalTest(
  goldenPaths: GoldenPathConfig[],
  rules: CanonicalRule[],
): (file: { repo: string; path: string }) => boolean {
  const all = [...goldenPaths.flatMap((g) => (g.path ? [{ repo: g.repo, path: g.path }] : [])), ...rules].map(
    (rule) => ({ repo: rule.repo, match: picomatch(rule.path, { dot: true }) }),
  );
  return (file) => all.some((rule) => (!rule.repo || rule.repo === file.repo) && rule.match(file.path));
}

/**
 * Whether a group's members have the same text apart from whitespace, read back from disk. Token streams
 * already match, so only names, values and comments can differ. A file that changed since it was read is
 * not compared: its blob id tells, when it has one. A file read without one (the copy search's, read in
 * this run moments ago, with no index to go stale) is compared as it is.
 */
function textKinds(
  groups: CloneCluster[],
  files: ScannedFile[],
  roots: Map<string, string>,
): CloneTextKind[] {
  const texts = new Map<number, FileText | null>();
  const textOf = (index: number): FileText | null => {
    if (texts.has(index)) return texts.get(index) ?? null;
    const file = files[index] as ScannedFile;
    let text: FileText | null = null;
    try {
      const root = roots.get(file.repo);
      // From a database there is no checkout to read: the text is not compared.
      if (!root) return null;
      const bytes = readFileSync(resolve(root, file.path));
      if (file.blobSha === "" || gitBlobSha(bytes) === file.blobSha) text = fileText(bytes);
    } catch {
      // Gone since it was read: not compared.
    }
    texts.set(index, text);
    return text;
  };
  return groups.map((group) => {
    if (!group.identical) return "near-miss";
    if (group.boilerplate) return "renamed";
    let first: string | undefined;
    for (const member of group.members) {
      const text = textOf(member.file);
      if (!text) return "renamed";
      // A fragment's first and last lines may hold a few tokens of the statements around it that
      // happen to match too; its text is judged on the lines wholly inside it.
      const edge = group.level === "fragment" && member.endLine - member.startLine >= 2 ? 1 : 0;
      const body = text.lines(member.startLine + edge, member.endLine - edge).replace(/\s+/g, "");
      first ??= body;
      if (body !== first) return "renamed";
    }
    return "exact";
  });
}

/**
 * A file's bytes with where each line starts, found once: only the lines a group asks for are decoded.
 * The whole text is never held as a string: the files of every group stay in memory until the last group
 * is judged, and strings live on V8's heap, where each young-generation collection copies them (15 MB of
 * text on the peer corpus); bytes and line offsets stay outside it.
 */
interface FileText {
  /** Lines `from` to `to` (1-based, inclusive) as one string, line breaks included. */
  lines(from: number, to: number): string;
}

function fileText(bytes: Buffer): FileText {
  // A line break is one byte in UTF-8 and never inside another character, so byte offsets cut lines. A
  // plain loop: Buffer#indexOf costs a call into C++ per line, slower than reading the bytes here.
  let count = 1;
  for (let at = 0; at < bytes.length; at++) if (bytes[at] === 10) count++;
  const starts = new Uint32Array(count);
  let line = 1;
  for (let at = 0; at < bytes.length; at++) if (bytes[at] === 10) starts[line++] = at + 1;
  const startOf = (line: number) => (line < count ? (starts[line] as number) : bytes.length);
  return {
    lines: (from, to) => (from > to ? "" : bytes.toString("utf8", startOf(from - 1), startOf(to))),
  };
}

/** The similarity stage over the org's files, turned back into files, units, teams and exactness. */
export function findOrgClones(
  files: ScannedFile[],
  reads: RepoRead[],
  implementations: FoundImplementation[],
  canonical: { goldenPaths: GoldenPathConfig[]; rules: CanonicalRule[] },
  options: FindClonesOptions = {},
): ClonesFound {
  const keys: UnitKey[] = [];
  const inputs: CloneInput[] = [];
  const minTokens = options.minTokens ?? DEFAULT_SIMILARITY.minTokens;
  const folderFiles = new Map<string, number>();
  files.forEach((file, fileIndex) => {
    const folder = `${file.repo}/${posix.dirname(file.path)}`;
    folderFiles.set(folder, (folderFiles.get(folder) ?? 0) + 1);
    file.units.forEach((unit, unitIndex) => {
      inputs.push({
        id: keys.length,
        file: fileIndex,
        folder,
        tokens: unit.tokens,
        tokenLines: unit.tokenLines,
        // Only units long enough for the same-job pass are described by their features there.
        ...(unit.tokens.length >= minTokens ? { features: featuresOf(unit) } : {}),
      });
      keys.push({ file: fileIndex, unit: unitIndex });
    });
  });
  const found = findClones(inputs, {
    ...options,
    folderFiles: options.folderFiles ?? folderFiles,
    printsOf: options.printsOf ?? ((fileIndex) => files[fileIndex]?.prints),
  });
  const groups: CloneGroupOfUnits[] = found.groups.map((group) => ({
    level: group.level,
    similarity: group.similarity,
    identical: group.kind === "identical",
    tokens: group.tokens,
    boilerplate: group.boilerplate,
    members: group.members.map((m) => {
      const key = keys[m.id] as UnitKey;
      // A whole unit is reported with its own lines (its closing brace is not a token).
      const unit = group.level === "unit" ? files[key.file]?.units[key.unit] : undefined;
      return {
        ...key,
        startLine: unit?.startLine ?? m.startLine,
        endLine: unit?.endLine ?? m.endLine,
        tokens: m.tokens,
      };
    }),
  }));
  const clusters = cloneClusters(files, groups, canonicalTest(canonical.goldenPaths, canonical.rules));
  const roots = new Map(reads.map((read) => [read.target.name, read.target.root]));
  const kinds = textKinds(clusters, files, roots);
  return {
    unitGroups: groups.filter((group) => group.level === "unit" && !group.boilerplate),
    clusters: clusters.map((cluster, index) => ({ ...cluster, textKind: kinds[index] as CloneTextKind })),
    sameJob: sameJobClusters(
      files,
      found.candidates.map((c) => c.members.map((id) => keys[id] as UnitKey)),
      found.candidates.map((c) => c.similarity),
      implementations,
    ),
    setAside: found.setAside,
  };
}
