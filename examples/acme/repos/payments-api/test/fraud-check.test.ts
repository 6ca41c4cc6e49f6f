import { evaluate } from "../src/fraud/fraud-check";
import type { FraudSignals } from "../src/fraud/rules";

const thresholds = { review: 60, block: 85 };

function signals(overrides: Partial<FraudSignals> = {}): FraudSignals {
  return {
    amountMinor: 4_500,
    currency: "EUR",
    customerAgeDays: 400,
    chargesLastHour: 0,
    declinesLastHour: 0,
    ipCountry: "DE",
    billingCountry: "DE",
    cardCountry: "DE",
    cardBin: "535522",
    ...overrides,
  };
}

describe("fraud evaluate", () => {
  it("allows an ordinary charge", () => {
    expect(evaluate(signals(), thresholds)).toEqual({ decision: "allow", score: 0, hits: [] });
  });

  it("sends large amounts from new customers to review", () => {
    const result = evaluate(signals({ amountMinor: 300_000, customerAgeDays: 0 }), thresholds);
    expect(result.decision).toBe("review");
    expect(result.hits.map((h) => h.rule)).toEqual(["large_amount", "new_customer_large_amount"]);
  });

  it("blocks card testing", () => {
    const result = evaluate(signals({ chargesLastHour: 12, declinesLastHour: 8 }), thresholds);
    expect(result.decision).toBe("block");
    expect(result.score).toBe(100);
  });

  it("blocks a flagged BIN whatever the score", () => {
    const result = evaluate(signals({ cardBin: "411111" }), { review: 60, block: 200 });
    expect(result.decision).toBe("block");
  });

  it("scores a three-way country mismatch higher than a two-way one", () => {
    const two = evaluate(signals({ ipCountry: "FR" }), thresholds).score;
    const three = evaluate(signals({ ipCountry: "FR", cardCountry: "US" }), thresholds).score;
    expect(three).toBeGreaterThan(two);
  });

  it("uses the per-currency review threshold", () => {
    expect(evaluate(signals({ amountMinor: 300_000, currency: "SEK" }), thresholds).hits).toEqual([]);
    expect(evaluate(signals({ amountMinor: 300_000, currency: "GBP" }), thresholds).hits[0]?.rule).toBe("large_amount");
  });
});
