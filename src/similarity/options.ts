/**
 * Thresholds of the similarity stage. Defaults were chosen by measurement: the example org's answer key
 * (every planted copy found, no trap reported) and the peer benchmark (`npm run bench:peers`: recall of
 * jscpd's cross-directory clone groups on 650k lines of real TypeScript/JavaScript). Tokens are syntax
 * nodes, not lexer tokens: one statement like `const x = f(a, b);` is 7 nodes and 10 lexer tokens.
 */
export interface SimilarityOptions {
  /** Units shorter than this (in tokens) are too small to call a copy (trivial getters, setters, one-liners). */
  minTokens: number;
  /**
   * A copied run of code (a fragment) must be at least this long. 30 syntax nodes is about jscpd's 50 lexer
   * tokens once type annotations (which emit no tokens inside code) are left out: measured on the peer
   * benchmark, 30 finds 95% of jscpd's cross-directory groups, 35 finds 92% and 40 finds 88%.
   */
  minFragmentTokens: number;
  /** k-gram length in tokens. */
  k: number;
  /** Winnowing window: any shared run of k + window - 1 tokens is seen. */
  window: number;
  /** Dice overlap of fingerprint sets at which two units are near-miss (type 3) clones. */
  minSimilarity: number;
  /**
   * A group joins another only if at least this share of the possible links between them are accepted
   * pairs, so one bridge pair does not merge two unrelated groups.
   */
  cohesion: number;
  /** Two copied runs of the same two units separated by at most this many changed tokens are one near-miss. */
  maxGapTokens: number;
  /**
   * A fingerprint or LSH band shared by more places than this is boilerplate (a framework shape everywhere)
   * and generates no candidates.
   */
  maxBucket: number;
  /**
   * Share of a unit's k-grams that must be distinct. A table of `export const X = "x";` lines repeats one
   * shape, so it looks like every other table without being a copy of any.
   */
  minDistinctShare: number;
  /** Scaffolding: a group with members in at least this share of a folder's files (and 3 or more files). */
  scaffoldingShare: number;
  /** MinHash bands × rows: 16 × 2 makes pairs at Jaccard 0.43 (Dice 0.6) candidates with p ≈ 0.96. */
  bands: number;
  rows: number;
  /** Jaccard overlap of feature sets (sub-words, calls, keys, strings) for a same-job (type 4) candidate. */
  minFeatureSimilarity: number;
  /** Units with fewer distinct features than this are too plain to say anything about their job. */
  minFeatures: number;
}

export const DEFAULT_SIMILARITY: SimilarityOptions = {
  minTokens: 50,
  minFragmentTokens: 30,
  k: 16,
  window: 8,
  minSimilarity: 0.6,
  cohesion: 0.5,
  maxGapTokens: 12,
  maxBucket: 64,
  minDistinctShare: 0.35,
  scaffoldingShare: 0.5,
  bands: 16,
  rows: 2,
  minFeatureSimilarity: 0.5,
  minFeatures: 8,
};
