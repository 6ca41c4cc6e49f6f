import { z } from "zod";

/**
 * lineitem.config.yaml, version 1. Every key is documented in docs/config.md; unknown keys are refused
 * (a typo must not silently change ownership).
 */
const teamRule = z.strictObject({
  /** The team's name as lineitem reports it. */
  team: z.string().min(1),
  /** Repositories the team owns where CODEOWNERS is silent. */
  repos: z.array(z.string().min(1)).optional(),
  /** Repository-relative globs the team owns; these win over CODEOWNERS. */
  paths: z.array(z.string().min(1)).optional(),
  /** CODEOWNERS handles that mean this team (`@acme/web-checkout`, `@acme/checkout-oncall`). */
  owners: z.array(z.string().min(1)).optional(),
});

const goldenPath = z.strictObject({
  concern: z.string().min(1),
  /** Package whose imports count as adoption (`@acme/platform-kit`). */
  package: z.string().min(1).optional(),
  /** Where the blessed implementation lives. */
  repo: z.string().min(1).optional(),
  path: z.string().min(1).optional(),
});

const canonicalRule = z.strictObject({
  /** Repository the rule applies to; every repository when left out. */
  repo: z.string().min(1).optional(),
  /** Repository-relative glob of the code that is the original others copy (`packages/http/**`). */
  path: z.string().min(1),
});

/** Thresholds of copy detection (docs/similarity.md); each left out keeps its measured default. */
const similarityRule = z.strictObject({
  /** A whole unit shorter than this many syntax-node tokens is not called a copy. */
  minTokens: z.number().int().min(10).max(10_000).optional(),
  /** A copied run of code must be at least this many tokens. */
  minFragmentTokens: z.number().int().min(10).max(10_000).optional(),
  /** Dice overlap of fingerprints at which two units are near-miss copies, 0.3–1. */
  minSimilarity: z.number().min(0.3).max(1).optional(),
  /** Changed tokens bridged between two runs of one near-miss copy. */
  maxGapTokens: z.number().int().min(0).max(200).optional(),
});

export const configSchema = z.strictObject({
  version: z.literal(1).default(1),
  teams: z.array(teamRule).default([]),
  goldenPaths: z.array(goldenPath).default([]),
  /** Code that is canonical: in a clone group, a member here is the original and the others its copies. */
  canonical: z.array(canonicalRule).default([]),
  /**
   * CODEOWNERS teams that co-own everything (`@acme/engineering`, `@acme/reviewers`): never taken as the
   * team that wrote a file. Compared case-insensitively, with or without the `@org/`.
   */
  umbrellaTeams: z.array(z.string().min(1)).default([]),
  /** Thresholds of copy detection. */
  similarity: similarityRule.default({}),
  /** Extra globs to read even if they look vendored or generated. */
  include: z.array(z.string().min(1)).default([]),
  /** Extra globs to set aside. */
  exclude: z.array(z.string().min(1)).default([]),
  /** Files or folders of the org's own concern definitions (YAML), relative to this file. */
  concerns: z.array(z.string().min(1)).default([]),
  /** Read test code into clusters too (off: test code is recognised and kept out). */
  includeTests: z.boolean().default(false),
  /** Files larger than this are set aside as too large. */
  maxFileBytes: z.number().int().positive().default(1_048_576),
});

export type LineitemConfig = z.infer<typeof configSchema>;
export type TeamRule = z.infer<typeof teamRule>;
export type GoldenPathConfig = z.infer<typeof goldenPath>;
