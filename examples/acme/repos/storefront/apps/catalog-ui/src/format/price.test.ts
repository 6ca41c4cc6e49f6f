import { describe, expect, it } from "vitest";
import { discountPercent, formatPrice } from "./price";

describe("formatPrice", () => {
  it("drops cents on whole prices", () => {
    expect(formatPrice({ amount: 49, currency: "EUR" })).toBe("49 €");
  });

  it("keeps two decimals otherwise", () => {
    expect(formatPrice({ amount: 19.9, currency: "EUR" })).toBe("19,90 €");
    expect(formatPrice({ amount: 12.5, currency: "GBP" })).toBe("£12.50");
  });
});

describe("discountPercent", () => {
  it("rounds the saving", () => {
    expect(discountPercent({ amount: 79, currency: "EUR" }, { amount: 99, currency: "EUR" })).toBe(20);
  });

  it("ignores compare-at prices that are not higher", () => {
    expect(discountPercent({ amount: 79, currency: "EUR" }, { amount: 79, currency: "EUR" })).toBeNull();
    expect(discountPercent({ amount: 79, currency: "EUR" }, null)).toBeNull();
  });
});
