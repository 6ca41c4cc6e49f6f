import type { FraudSignals, Rule, RuleHit } from "./rules";
import { DEFAULT_RULES } from "./rules";

export type FraudDecision = "allow" | "review" | "block";

export interface FraudResult {
  decision: FraudDecision;
  score: number;
  hits: RuleHit[];
}

export interface FraudThresholds {
  review: number;
  block: number;
}

/**
 * Runs every rule and adds up the scores, capped at 100. A blocked BIN blocks regardless of the
 * thresholds; everything else is decided by the total.
 */
export function evaluate(signals: FraudSignals, thresholds: FraudThresholds, rules: Rule[] = DEFAULT_RULES): FraudResult {
  const hits = rules.map((rule) => rule(signals)).filter((hit): hit is RuleHit => hit !== null);
  const score = Math.min(
    100,
    hits.reduce((sum, hit) => sum + hit.score, 0),
  );
  let decision: FraudDecision = "allow";
  if (hits.some((hit) => hit.rule === "blocked_bin") || score >= thresholds.block) decision = "block";
  else if (score >= thresholds.review) decision = "review";
  return { decision, score, hits };
}
