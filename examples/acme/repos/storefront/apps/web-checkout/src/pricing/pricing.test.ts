import { describe, expect, it } from "vitest";
import { type Cart, emptyCart, type LineItem } from "../cart/cart";
import { applyPromotions, type Promotion } from "../promotions/promotions";
import type { ShippingOption } from "../shipping/shipping-options";
import { priceCart } from "./pricing";
import { includedVat } from "./tax";

const now = new Date("2025-05-02T09:00:00Z");

function line(sku: string, priceMinor: number, quantity: number, taxClass: LineItem["taxClass"] = "standard"): LineItem {
  return {
    sku,
    productId: sku,
    name: sku,
    unitPrice: { amountMinor: priceMinor, currency: "EUR" },
    quantity,
    categoryIds: sku === "BOOK" ? ["books"] : ["home"],
    weightGrams: 300,
    taxClass,
  };
}

const standard: ShippingOption = {
  id: "standard",
  label: "Standard delivery",
  carrier: "dhl",
  price: { amountMinor: 495, currency: "EUR" },
  estimatedDelivery: { from: "2025-05-05", to: "2025-05-07" },
};

function cart(...items: LineItem[]): Cart {
  return { ...emptyCart("c", "EUR", "DE", now), items };
}

describe("includedVat", () => {
  it("extracts 19 % VAT from a gross amount", () => {
    expect(includedVat(11900, 19)).toBe(1900);
  });

  it("rounds to the nearest cent", () => {
    expect(includedVat(999, 19)).toBe(160);
  });

  it("is zero for zero-rated goods", () => {
    expect(includedVat(5000, 0)).toBe(0);
  });
});

describe("priceCart", () => {
  it("adds shipping to the total and includes its VAT", () => {
    const c = cart(line("MUG", 1200, 2));
    const prices = priceCart(c, applyPromotions(c, [], now), standard);
    expect(prices.subtotal.amountMinor).toBe(2400);
    expect(prices.total.amountMinor).toBe(2895);
    expect(prices.vat.amountMinor).toBe(includedVat(2400, 19) + includedVat(495, 19));
  });

  it("uses the reduced rate for books", () => {
    const c = cart(line("BOOK", 2140, 1, "reduced"));
    const prices = priceCart(c, applyPromotions(c, [], now));
    expect(prices.lines[0]?.vatRate).toBe(7);
    expect(prices.vat.amountMinor).toBe(140);
  });

  it("computes VAT on the discounted amount", () => {
    const promo: Promotion = {
      code: "TENOFF",
      description: "10 % off",
      rule: { kind: "percent_off", percent: 10 },
      stackable: true,
    };
    const c = cart(line("MUG", 1000, 1));
    const prices = priceCart(c, applyPromotions(c, [promo], now));
    expect(prices.discount.amountMinor).toBe(100);
    expect(prices.total.amountMinor).toBe(900);
    expect(prices.vat.amountMinor).toBe(includedVat(900, 19));
  });

  it("drops shipping when a free shipping code is applied", () => {
    const promo: Promotion = {
      code: "SHIPFREE",
      description: "Free shipping",
      rule: { kind: "free_shipping" },
      stackable: true,
    };
    const c = cart(line("MUG", 1000, 1));
    const prices = priceCart(c, applyPromotions(c, [promo], now), standard);
    expect(prices.shipping.amountMinor).toBe(0);
    expect(prices.total.amountMinor).toBe(1000);
  });
});
