import { describe, expect, it } from "vitest";
import { type Cart, emptyCart, type LineItem } from "../cart/cart";
import { applyPromotions, checkEligibility, type Promotion } from "./promotions";
import { isWellFormedCode, normalizeCode } from "./promo-code";

const now = new Date("2025-04-01T12:00:00Z");

function line(sku: string, priceMinor: number, quantity = 1, categoryIds = ["home"]): LineItem {
  return {
    sku,
    productId: sku,
    name: sku,
    unitPrice: { amountMinor: priceMinor, currency: "EUR" },
    quantity,
    categoryIds,
    weightGrams: 100,
    taxClass: "standard",
  };
}

function cart(...items: LineItem[]): Cart {
  return { ...emptyCart("c", "EUR", "DE", now), items };
}

function promo(overrides: Partial<Promotion>): Promotion {
  return {
    code: "CODE",
    description: "test",
    rule: { kind: "percent_off", percent: 10 },
    stackable: true,
    ...overrides,
  };
}

describe("checkEligibility", () => {
  it("rejects expired codes", () => {
    expect(checkEligibility(promo({ endsAt: "2025-03-31T23:59:59Z" }), cart(line("A", 100)), now)).toBe("expired");
  });

  it("rejects codes that have not started", () => {
    expect(checkEligibility(promo({ startsAt: "2025-04-02T00:00:00Z" }), cart(line("A", 100)), now)).toBe(
      "not_started",
    );
  });

  it("enforces the minimum basket value", () => {
    const p = promo({ minSubtotal: { amountMinor: 5000, currency: "EUR" } });
    expect(checkEligibility(p, cart(line("A", 4999)), now)).toBe("below_minimum");
    expect(checkEligibility(p, cart(line("A", 5000)), now)).toBeNull();
  });

  it("needs a matching category for category codes", () => {
    const p = promo({ rule: { kind: "percent_off", percent: 20, categoryIds: ["garden"] } });
    expect(checkEligibility(p, cart(line("A", 100)), now)).toBe("no_matching_items");
  });

  it("does not combine a non-stackable code with another", () => {
    const first = promo({ code: "FIRST" });
    expect(checkEligibility(promo({ stackable: false }), cart(line("A", 100)), now, [first])).toBe("not_stackable");
  });
});

describe("applyPromotions", () => {
  it("applies a category discount only to matching lines", () => {
    const c = cart(line("A", 1000, 1, ["garden"]), line("B", 1000, 1, ["home"]));
    const result = applyPromotions(c, [promo({ rule: { kind: "percent_off", percent: 20, categoryIds: ["garden"] } })], now);
    expect(result.discount.amountMinor).toBe(200);
    expect(result.applied[0]?.perLine).toEqual({ A: 200 });
  });

  it("spreads a fixed amount over the lines without losing a cent", () => {
    const c = cart(line("A", 1000), line("B", 2000), line("C", 3000));
    const result = applyPromotions(c, [promo({ rule: { kind: "amount_off", amount: { amountMinor: 1000, currency: "EUR" } } })], now);
    const perLine = result.applied[0]?.perLine ?? {};
    expect(Object.values(perLine).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(perLine.C).toBeGreaterThan(perLine.A ?? 0);
  });

  it("gives one free item for every three bought in a 3-for-2", () => {
    const c = cart(line("SOCKS", 500, 7));
    const result = applyPromotions(c, [promo({ rule: { kind: "buy_x_get_y", sku: "SOCKS", buy: 2, free: 1 } })], now);
    expect(result.discount.amountMinor).toBe(1000);
  });

  it("reports rejected codes with a reason", () => {
    const result = applyPromotions(cart(line("A", 100)), [promo({ endsAt: "2024-12-31T00:00:00Z" })], now);
    expect(result.rejected).toEqual([{ code: "CODE", reason: "expired" }]);
  });
});

describe("promo codes", () => {
  it("normalises what shoppers paste", () => {
    expect(normalizeCode("  spring 25. ")).toBe("SPRING-25");
  });

  it("accepts well-formed codes only", () => {
    expect(isWellFormedCode("WELCOME10")).toBe(true);
    expect(isWellFormedCode("W")).toBe(false);
    expect(isWellFormedCode("DROP TABLE")).toBe(false);
  });
});

describe("stacked codes", () => {
  it("never discounts a line below zero", () => {
    const c = cart(line("A", 1000));
    const half = promo({ code: "HALF", rule: { kind: "percent_off", percent: 50 } });
    const sixty = promo({ code: "SIXTY", rule: { kind: "percent_off", percent: 60 } });
    const result = applyPromotions(c, [half, sixty], now);
    expect(result.discount.amountMinor).toBe(1000);
    expect(result.applied[1]?.discount.amountMinor).toBe(500);
  });
});
