import type { Availability } from "../api/bff";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long" });

export function stockLabel(availability: Availability): string {
  switch (availability.status) {
    case "in_stock":
      return "In stock";
    case "low_stock":
      return availability.quantity === 1 ? "Only 1 left" : `Only ${availability.quantity} left`;
    case "backorder":
      return availability.nextDelivery
        ? `Back in stock ${dateFormat.format(new Date(availability.nextDelivery))}`
        : "Available to order";
    case "out_of_stock":
      return "Out of stock";
  }
}

export function StockBadge({ availability }: { availability?: Availability }) {
  if (!availability) return null;
  return <span className={`stock-badge stock-badge--${availability.status}`}>{stockLabel(availability)}</span>;
}
