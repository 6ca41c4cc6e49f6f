import type { CurrencyCode } from "../currencies/currencies";
import { reviewThreshold } from "../currencies/currencies";

export interface FraudSignals {
  amountMinor: number;
  currency: CurrencyCode;
  customerAgeDays: number;
  chargesLastHour: number;
  declinesLastHour: number;
  ipCountry?: string;
  billingCountry?: string;
  cardCountry?: string | null;
  cardBin?: string | null;
}

export interface RuleHit {
  rule: string;
  score: number;
  reason: string;
}

export type Rule = (signals: FraudSignals) => RuleHit | null;

/** BIN ranges the risk team flagged after the 2024 card-testing incidents. */
const BLOCKED_BINS = new Set(["400000", "411111", "510510", "555555"]);

const HIGH_RISK_COUNTRIES = new Set(["NG", "GH", "ID", "VN"]);

export const largeAmount: Rule = (s) =>
  s.amountMinor > reviewThreshold(s.currency)
    ? { rule: "large_amount", score: 40, reason: `amount above ${s.currency} review threshold` }
    : null;

export const newCustomerLargeAmount: Rule = (s) =>
  s.customerAgeDays < 2 && s.amountMinor > reviewThreshold(s.currency) / 5
    ? { rule: "new_customer_large_amount", score: 25, reason: "account younger than two days" }
    : null;

export const velocity: Rule = (s) => {
  if (s.chargesLastHour >= 10) return { rule: "velocity", score: 60, reason: `${s.chargesLastHour} charges in an hour` };
  if (s.chargesLastHour >= 5) return { rule: "velocity", score: 30, reason: `${s.chargesLastHour} charges in an hour` };
  return null;
};

export const repeatedDeclines: Rule = (s) =>
  s.declinesLastHour >= 3
    ? { rule: "repeated_declines", score: 20 + 10 * Math.min(s.declinesLastHour - 3, 5), reason: "card testing pattern" }
    : null;

export const countryMismatch: Rule = (s) => {
  const countries = [s.ipCountry, s.billingCountry, s.cardCountry].filter((c): c is string => Boolean(c));
  const distinct = new Set(countries);
  if (distinct.size <= 1) return null;
  return { rule: "country_mismatch", score: distinct.size === 3 ? 35 : 15, reason: [...distinct].join("/") };
};

export const highRiskCountry: Rule = (s) =>
  s.ipCountry && HIGH_RISK_COUNTRIES.has(s.ipCountry)
    ? { rule: "high_risk_country", score: 20, reason: `ip in ${s.ipCountry}` }
    : null;

export const blockedBin: Rule = (s) =>
  s.cardBin && BLOCKED_BINS.has(s.cardBin) ? { rule: "blocked_bin", score: 100, reason: `bin ${s.cardBin}` } : null;

export const DEFAULT_RULES: Rule[] = [
  largeAmount,
  newCustomerLargeAmount,
  velocity,
  repeatedDeclines,
  countryMismatch,
  highRiskCountry,
  blockedBin,
];
