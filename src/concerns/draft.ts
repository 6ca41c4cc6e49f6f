import { stringify } from "yaml";
import { type ConcernDefinitionInput, definitionSchema } from "./definition.js";
import { nameWords, pathWords } from "./words.js";

/** What promoting needs of an unnamed cluster: its title words, its statement and its members. */
export interface UnnamedWork {
  id: string;
  title: string;
  statement: string;
  members: { path: string; units: { name: string }[] }[];
}

export interface DraftOptions {
  /** The new concern's id; by default the title's words joined by dashes. */
  id?: string;
  /** Its title; by default the title's words, capitalised. */
  title?: string;
}

// Words that name no job: file stems and folders every codebase has.
const COMMON_PATH_WORDS = new Set([
  "src",
  "lib",
  "app",
  "apps",
  "services",
  "packages",
  "index",
  "internal",
  "util",
  "utils",
]);

/** "Money helpers" reads as a noun already; "Allocate amount" becomes "allocate amount helpers". */
function nounOf(title: string): string {
  const lower = title.toLowerCase();
  return lower.endsWith("s") ? lower : `${lower} helpers`;
}

const unique = (words: string[]) => [...new Set(words)].filter((word) => word.length >= 3);

/**
 * A concern definition drafted from unnamed work: the cluster's telling words as sub-words, its units' names
 * and its files' words, with a requirement and threshold that the cluster's own code meets. A starting point
 * for a person to edit (what is the job, which words and calls are evidence), checked against the schema
 * so it always loads.
 */
export function draftConcern(work: UnnamedWork, options: DraftOptions = {}): { id: string; yaml: string } {
  const titleWords = unique(work.title.split(/[^A-Za-z0-9]+/).map((w) => w.toLowerCase()));
  const id =
    options.id ??
    (titleWords
      .join("-")
      .replace(/[^a-z0-9-]/g, "")
      .replace(/^-+/, "") ||
      "promoted-work");
  const title = options.title ?? titleWords.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(" ");
  const names = unique(work.members.flatMap((m) => m.units.flatMap((u) => nameWords(u.name))));
  const paths = unique(work.members.flatMap((m) => pathWords(m.path))).filter(
    (w) => !COMMON_PATH_WORDS.has(w),
  );
  // One signal per telling word, so the threshold can ask for two of them: one shared word (`allocate`)
  // is a coincidence, the cluster's words together are the job.
  const words = titleWords.slice(0, 6);
  const signals: ConcernDefinitionInput["signals"] = words.map((word) => ({
    id: `word-${word.replace(/[^a-z0-9]+/g, "-")}`,
    subword: word,
    weight: 1.5,
  }));
  if (names.length) signals.push({ id: "names", name: names, weight: 2 });
  if (paths.length) signals.push({ id: "files", path: paths, weight: 1 });
  if (signals.length === 0) signals.push({ id: "names", name: [id], weight: 2 });
  const input = definitionSchema.parse({
    id,
    title: title || id,
    noun: nounOf(title || id),
    description: `Promoted from unnamed work (${work.id}): ${work.statement}. Say here what the code does.`,
    signals,
    requires: names.length ? [["names"]] : [],
    threshold: (names.length ? 2 : 0) + 1.5 * Math.min(2, Math.max(1, words.length)),
  });
  const header = [
    `# Drafted by \`lineitem promote\` from ${work.id}: ${work.statement}`,
    "# A starting point: name the job in the description, keep the words and calls that are evidence of it,",
    "# add requirements and parameters (docs/concerns.md), then list this file under `concerns:` in",
    "# lineitem.config.yaml and scan again.",
  ].join("\n");
  const { parameters: _parameters, libraries: _libraries, ...written } = input;
  return { id, yaml: `${header}\n${stringify(written, { lineWidth: 110 })}` };
}
