/** One unit of code as the similarity stage sees it: opaque ids and numbers, no text, no paths. */
export interface CloneInput {
  /** Caller's id for the unit; returned in groups. */
  id: number;
  /** Caller's id for the unit's file: runs copied inside one unit are not reported, runs across units are. */
  file: number;
  /** Caller's name for the unit's folder, to recognise scaffolding repeated across most files of a folder. */
  folder: string;
  /** Normalised token stream (identifiers and literals reduced to their kind). */
  tokens: Uint32Array;
  /** Source line of each token, parallel to `tokens`. */
  tokenLines: Uint32Array;
  /**
   * What the unit is about: identifier sub-words, callees, keys, short strings. Units with much the same
   * features but different code are same-job (type 4) candidates.
   */
  features?: readonly string[];
}

export type CloneLevel = "unit" | "fragment";

/** identical: same tokens once names and values are normalised (type 1–2); near-miss: edited (type 3). */
export type CloneKind = "identical" | "near-miss";

export type BoilerplateReason =
  /** The shape appears in most files of a folder: framework scaffolding, generated-looking siblings. */
  | "scaffolding"
  /** The shape appears in more places than `maxBucket`: an idiom, not a copy. */
  | "everywhere";

export interface CloneMember {
  /** The unit's id (CloneInput.id). */
  id: number;
  /** Lines of the copied code: the whole unit, or the fragment inside it. */
  startLine: number;
  endLine: number;
  tokens: number;
}

export interface CloneGroup {
  level: CloneLevel;
  kind: CloneKind;
  /** One member per place, ordered by unit id then line. */
  members: CloneMember[];
  /** The weakest accepted link inside the group (1 = same code up to names and values). */
  similarity: number;
  /** Length of the shortest member, in tokens. */
  tokens: number;
  boilerplate?: BoilerplateReason;
}

/** Units that seem to do the same job in different code (type 4), for the concern engine to confirm. */
export interface SameJobCandidate {
  members: number[];
  /** Weakest Jaccard overlap of features inside the group. */
  similarity: number;
}

export interface SetAside {
  /** Units below `minTokens`: trivial getters and setters, one-liners. */
  small: number;
  /** Units that repeat one shape (tables of constants, lists of similar calls). */
  repetitive: number;
  /** Candidate buckets passed over because a shape is everywhere. */
  crowdedBuckets: number;
  /** Groups judged boilerplate, by reason (the groups themselves carry `boilerplate`). */
  scaffolding: number;
  everywhere: number;
}

export interface CloneFindings {
  /** Unit-level groups first, then fragment groups; boilerplate groups included and marked. */
  groups: CloneGroup[];
  candidates: SameJobCandidate[];
  setAside: SetAside;
}
