import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StockBadge, stockLabel } from "./StockBadge";

describe("stockLabel", () => {
  it("counts what is left when stock is low", () => {
    expect(stockLabel({ sku: "A", status: "low_stock", quantity: 3 })).toBe("Only 3 left");
    expect(stockLabel({ sku: "A", status: "low_stock", quantity: 1 })).toBe("Only 1 left");
  });

  it("shows the restock date for backorders", () => {
    expect(stockLabel({ sku: "A", status: "backorder", nextDelivery: "2025-02-14" })).toBe("Back in stock 14 February");
  });
});

describe("StockBadge", () => {
  it("renders nothing while availability is unknown", () => {
    const { container } = render(<StockBadge />);
    expect(container.firstChild).toBeNull();
  });

  it("uses a status class for colour", () => {
    render(<StockBadge availability={{ sku: "A", status: "out_of_stock" }} />);
    expect(screen.getByText("Out of stock").className).toContain("stock-badge--out_of_stock");
  });
});
