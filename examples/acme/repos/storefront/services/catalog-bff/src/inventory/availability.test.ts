import { describe, expect, it } from "vitest";
import { availabilityFor } from "./availability";

describe("availabilityFor", () => {
  const rows = [
    { warehouse: "KSL", sku: "A", onHand: 10, reserved: 2, nextDelivery: null },
    { warehouse: "RTM", sku: "A", onHand: 5, reserved: 0, nextDelivery: null },
    { warehouse: "KSL", sku: "B", onHand: 4, reserved: 1, nextDelivery: null },
    { warehouse: "OUTLET", sku: "C", onHand: 50, reserved: 0, nextDelivery: null },
    { warehouse: "KSL", sku: "D", onHand: 2, reserved: 2, nextDelivery: "2025-02-20" },
    { warehouse: "MMA", sku: "D", onHand: 0, reserved: 0, nextDelivery: "2025-02-14" },
  ];

  it("sums sellable stock across warehouses", () => {
    expect(availabilityFor(["A"], rows, 5)).toEqual([{ sku: "A", status: "in_stock" }]);
  });

  it("reports low stock with the quantity left", () => {
    expect(availabilityFor(["B"], rows, 5)).toEqual([{ sku: "B", status: "low_stock", quantity: 3 }]);
  });

  it("ignores the outlet warehouse", () => {
    expect(availabilityFor(["C"], rows, 5)).toEqual([{ sku: "C", status: "out_of_stock" }]);
  });

  it("offers backorder with the earliest delivery when nothing is on hand", () => {
    expect(availabilityFor(["D"], rows, 5)).toEqual([{ sku: "D", status: "backorder", nextDelivery: "2025-02-14" }]);
  });

  it("answers for unknown SKUs too", () => {
    expect(availabilityFor(["Z"], rows, 5)).toEqual([{ sku: "Z", status: "out_of_stock" }]);
  });
});
