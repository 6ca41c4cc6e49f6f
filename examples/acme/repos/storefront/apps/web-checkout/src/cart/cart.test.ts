import { describe, expect, it } from "vitest";
import {
  addItem,
  type Cart,
  CartError,
  emptyCart,
  itemCount,
  type LineItem,
  MAX_QUANTITY_PER_LINE,
  mergeCarts,
  subtotal,
  updateQuantity,
} from "./cart";

const now = new Date("2025-03-10T10:00:00Z");

function line(sku: string, priceMinor: number, quantity = 1): LineItem {
  return {
    sku,
    productId: `p-${sku}`,
    name: `Product ${sku}`,
    unitPrice: { amountMinor: priceMinor, currency: "EUR" },
    quantity,
    categoryIds: ["c-1"],
    weightGrams: 500,
    taxClass: "standard",
  };
}

function cartWith(...items: LineItem[]): Cart {
  return { ...emptyCart("cart-1", "EUR", "DE", now), items };
}

describe("addItem", () => {
  it("adds a new line", () => {
    const cart = addItem(emptyCart("cart-1", "EUR", "DE", now), line("A", 1999), now);
    expect(cart.items).toHaveLength(1);
    expect(itemCount(cart)).toBe(1);
  });

  it("bumps the quantity when the SKU is already in the cart", () => {
    const cart = addItem(cartWith(line("A", 1999, 2)), line("A", 1999, 3), now);
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]?.quantity).toBe(5);
  });

  it("caps the merged quantity instead of failing", () => {
    const cart = addItem(cartWith(line("A", 1999, 8)), line("A", 1999, 5), now);
    expect(cart.items[0]?.quantity).toBe(MAX_QUANTITY_PER_LINE);
  });

  it("rejects an item in another currency", () => {
    const item = { ...line("A", 1999), unitPrice: { amountMinor: 1999, currency: "GBP" as const } };
    expect(() => addItem(cartWith(), item, now)).toThrow(CartError);
  });
});

describe("updateQuantity", () => {
  it("removes the line when the quantity is zero", () => {
    const cart = updateQuantity(cartWith(line("A", 100), line("B", 200)), "A", 0, now);
    expect(cart.items.map((l) => l.sku)).toEqual(["B"]);
  });

  it("rejects quantities above the limit", () => {
    expect(() => updateQuantity(cartWith(line("A", 100)), "A", 11, now)).toThrow(/between 1 and 10/);
  });

  it("rejects an unknown SKU", () => {
    expect(() => updateQuantity(cartWith(), "nope", 1, now)).toThrow(CartError);
  });
});

describe("subtotal", () => {
  it("sums line totals in minor units", () => {
    expect(subtotal(cartWith(line("A", 1999, 3), line("B", 1)))).toEqual({ amountMinor: 5998, currency: "EUR" });
  });
});

describe("mergeCarts", () => {
  it("adds guest lines on top of the saved cart and keeps the guest country", () => {
    const saved = { ...cartWith(line("A", 1000, 1)), id: "saved", customerId: "cus_1", promoCodes: ["WELCOME10"] };
    const guest = { ...cartWith(line("A", 1000, 2), line("B", 500)), country: "AT" as const, promoCodes: ["SPRING"] };
    const merged = mergeCarts(guest, saved, now);
    expect(merged.id).toBe("saved");
    expect(merged.country).toBe("AT");
    expect(merged.items.find((l) => l.sku === "A")?.quantity).toBe(3);
    expect(merged.promoCodes).toEqual(["WELCOME10", "SPRING"]);
  });

  it("keeps the guest cart when the saved cart is in another currency", () => {
    const saved = { ...emptyCart("saved", "SEK", "SE", now), customerId: "cus_1" };
    const guest = cartWith(line("A", 1000));
    expect(mergeCarts(guest, saved, now).items).toHaveLength(1);
  });
});
