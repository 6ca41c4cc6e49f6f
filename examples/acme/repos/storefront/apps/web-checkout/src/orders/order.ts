import type { Address } from "../address/validate-address";
import type { LineItem } from "../cart/cart";
import type { Money } from "../lib/money";
import type { PriceBreakdown } from "../pricing/pricing";
import type { ShippingMethod } from "../shipping/shipping-options";

export type OrderStatus =
  | "pending_payment"
  | "paid"
  | "allocated"
  | "shipped"
  | "delivered"
  | "cancelled"
  | "refunded";

export interface Order {
  id: string;
  number: string;
  cartId: string;
  customerId?: string;
  email: string;
  status: OrderStatus;
  items: LineItem[];
  shippingAddress: Address;
  billingAddress: Address;
  shippingMethod: ShippingMethod;
  promoCodes: string[];
  prices: PriceBreakdown;
  paymentIntentId?: string;
  placedAt: string;
}

const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  pending_payment: ["paid", "cancelled"],
  paid: ["allocated", "cancelled", "refunded"],
  allocated: ["shipped", "cancelled", "refunded"],
  shipped: ["delivered", "refunded"],
  delivered: ["refunded"],
  cancelled: [],
  refunded: [],
};

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`an order cannot go from ${from} to ${to}`);
    this.name = "InvalidTransitionError";
  }
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new InvalidTransitionError(from, to);
  }
}

export function isCancellable(order: Order): boolean {
  return order.status === "pending_payment" || order.status === "paid";
}

/** Human order numbers: AC- plus the date and a base-32 suffix, e.g. AC-250314-7KQ2M. */
export function orderNumber(placedAt: Date, random: () => number = Math.random): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const date = placedAt.toISOString().slice(2, 10).replace(/-/g, "");
  let suffix = "";
  for (let i = 0; i < 5; i++) {
    suffix += alphabet[Math.floor(random() * alphabet.length)];
  }
  return `AC-${date}-${suffix}`;
}

export function amountDue(order: Order): Money {
  return order.prices.total;
}
