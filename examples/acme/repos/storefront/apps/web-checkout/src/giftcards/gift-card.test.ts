import { describe, expect, it } from "vitest";
import { type GiftCard, hasValidCheckDigit, isUsable, normalizeCardNumber, planRedemptions } from "./gift-card";

function card(id: string, amountMinor: number, overrides: Partial<GiftCard> = {}): GiftCard {
  return {
    id,
    last4: "0000",
    balance: { amountMinor, currency: "EUR" },
    expiresAt: null,
    status: "active",
    ...overrides,
  };
}

describe("gift card numbers", () => {
  it("strips spaces and dashes", () => {
    expect(normalizeCardNumber("6034 1234-5678 9012")).toBe("6034123456789012");
  });

  it("checks the Luhn digit", () => {
    expect(hasValidCheckDigit("6034000000000006")).toBe(true);
    expect(hasValidCheckDigit("6034000000000007")).toBe(false);
    expect(hasValidCheckDigit("1234")).toBe(false);
  });
});

describe("isUsable", () => {
  const now = new Date("2026-03-01T00:00:00Z");

  it("refuses expired, empty or foreign-currency cards", () => {
    expect(isUsable(card("a", 1000, { expiresAt: "2026-02-28T00:00:00Z" }), "EUR", now)).toBe(false);
    expect(isUsable(card("a", 0), "EUR", now)).toBe(false);
    expect(isUsable(card("a", 1000), "SEK", now)).toBe(false);
    expect(isUsable(card("a", 1000), "EUR", now)).toBe(true);
  });
});

describe("planRedemptions", () => {
  it("uses cards in order until the total is covered", () => {
    const plan = planRedemptions({ amountMinor: 5000, currency: "EUR" }, [card("a", 2000), card("b", 4000), card("c", 1000)]);
    expect(plan.redemptions).toEqual([
      { giftCardId: "a", amount: { amountMinor: 2000, currency: "EUR" } },
      { giftCardId: "b", amount: { amountMinor: 3000, currency: "EUR" } },
    ]);
    expect(plan.due.amountMinor).toBe(0);
  });

  it("leaves the rest for the card payment", () => {
    expect(planRedemptions({ amountMinor: 5000, currency: "EUR" }, [card("a", 1500)]).due.amountMinor).toBe(3500);
  });
});
