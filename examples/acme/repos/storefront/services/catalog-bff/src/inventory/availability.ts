import type { WarehouseStock } from "../clients/inventory-api";

export type StockStatus = "in_stock" | "low_stock" | "out_of_stock" | "backorder";

export interface Availability {
  sku: string;
  status: StockStatus;
  /** Only shown when stock is low ("Only 3 left"). */
  quantity?: number;
  nextDelivery?: string;
}

/** Warehouses that ship to the storefront's markets; the outlet store is excluded. */
const SELLABLE_WAREHOUSES = new Set(["KSL", "RTM", "MMA"]);

export function aggregateStock(rows: WarehouseStock[]): Map<string, { available: number; nextDelivery: string | null }> {
  const bySku = new Map<string, { available: number; nextDelivery: string | null }>();
  for (const row of rows) {
    if (!SELLABLE_WAREHOUSES.has(row.warehouse)) continue;
    const current = bySku.get(row.sku) ?? { available: 0, nextDelivery: null };
    current.available += Math.max(0, row.onHand - row.reserved);
    if (row.nextDelivery && (!current.nextDelivery || row.nextDelivery < current.nextDelivery)) {
      current.nextDelivery = row.nextDelivery;
    }
    bySku.set(row.sku, current);
  }
  return bySku;
}

export function availabilityFor(skus: string[], rows: WarehouseStock[], lowStockThreshold: number): Availability[] {
  const stock = aggregateStock(rows);
  return skus.map((sku): Availability => {
    const entry = stock.get(sku);
    if (!entry || entry.available === 0) {
      return entry?.nextDelivery
        ? { sku, status: "backorder", nextDelivery: entry.nextDelivery }
        : { sku, status: "out_of_stock" };
    }
    if (entry.available <= lowStockThreshold) {
      return { sku, status: "low_stock", quantity: entry.available };
    }
    return { sku, status: "in_stock" };
  });
}
