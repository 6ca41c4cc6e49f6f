import { describe, expect, it, vi } from "vitest";
import { type Cart, emptyCart } from "../cart/cart";
import { addBusinessDays, availableShippingOptions, dispatchDate } from "./shipping-options";

vi.mock("../lib/feature-flags", () => ({ isEnabled: (flag: string) => flag === "express_shipping" }));

function cart(amountMinor: number, weightGrams: number): Cart {
  return {
    ...emptyCart("c", "EUR", "DE"),
    items: [
      {
        sku: "A",
        productId: "A",
        name: "A",
        unitPrice: { amountMinor, currency: "EUR" },
        quantity: 1,
        categoryIds: [],
        weightGrams,
        taxClass: "standard",
      },
    ],
  };
}

describe("addBusinessDays", () => {
  it("skips weekends", () => {
    // Friday + 1 working day = Monday
    expect(addBusinessDays(new Date("2025-03-07T10:00:00Z"), 1).toISOString().slice(0, 10)).toBe("2025-03-10");
  });

  it("skips holidays", () => {
    const holidays = new Set(["2025-04-21"]);
    expect(addBusinessDays(new Date("2025-04-18T10:00:00Z"), 1, holidays).toISOString().slice(0, 10)).toBe(
      "2025-04-22",
    );
  });
});

describe("dispatchDate", () => {
  it("ships the same day before the cut-off", () => {
    const now = new Date("2025-03-05T09:00:00Z");
    expect(dispatchDate(now)).toEqual(now);
  });

  it("ships the next working day after the cut-off", () => {
    expect(dispatchDate(new Date("2025-03-07T15:00:00Z")).toISOString().slice(0, 10)).toBe("2025-03-10");
  });

  it("does not dispatch on a Saturday morning", () => {
    expect(dispatchDate(new Date("2025-03-08T08:00:00Z")).toISOString().slice(0, 10)).toBe("2025-03-10");
  });
});

describe("availableShippingOptions", () => {
  const now = new Date("2025-03-05T09:00:00Z");

  it("offers standard and express in Germany, without pickup while the flag is off", () => {
    const options = availableShippingOptions(cart(2000, 500), { country: "DE", postalCode: "10115" }, now);
    expect(options.map((o) => o.id)).toEqual(["standard", "express"]);
  });

  it("makes standard free above the threshold", () => {
    const [standard] = availableShippingOptions(cart(5000, 500), { country: "DE", postalCode: "10115" }, now);
    expect(standard?.price.amountMinor).toBe(0);
  });

  it("charges per started kilo above the first", () => {
    const [standard] = availableShippingOptions(cart(1000, 2500), { country: "DE", postalCode: "10115" }, now);
    expect(standard?.price.amountMinor).toBe(495 + 2 * 50);
  });

  it("drops express for heavy parcels", () => {
    const options = availableShippingOptions(cart(1000, 25_000), { country: "DE", postalCode: "10115" }, now);
    expect(options.map((o) => o.id)).toEqual(["standard"]);
  });
});
