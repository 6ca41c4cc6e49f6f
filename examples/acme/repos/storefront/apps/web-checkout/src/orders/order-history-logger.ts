import type { OrderEventRow, OrderEventsRepository } from "./order-events-repository";
import { assertTransition, type Order, type OrderStatus } from "./order";

export type ChangedBy = "customer" | "system" | "support";

export interface StatusChange {
  from: OrderStatus | null;
  to: OrderStatus;
  changedBy: ChangedBy;
  note?: string;
  at: string;
}

/**
 * Keeps the status timeline of each order: what the customer sees on the order page ("Paid 12 Mar,
 * Shipped 13 Mar") and what customer support reads when someone asks where their parcel is.
 * Every status change goes through here so the timeline cannot miss a step.
 */
export class OrderHistoryLogger {
  constructor(
    private readonly events: OrderEventsRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async orderPlaced(order: Order): Promise<void> {
    await this.events.insert({
      orderId: order.id,
      from: null,
      to: order.status,
      changedBy: "customer",
      at: this.clock(),
    });
  }

  async transition(order: Order, to: OrderStatus, changedBy: ChangedBy, note?: string): Promise<Order> {
    assertTransition(order.status, to);
    await this.events.insert({ orderId: order.id, from: order.status, to, changedBy, note, at: this.clock() });
    return { ...order, status: to };
  }

  async timeline(orderId: string): Promise<StatusChange[]> {
    const rows = await this.events.listForOrder(orderId);
    return rows.map(toStatusChange);
  }
}

function toStatusChange(row: OrderEventRow): StatusChange {
  return {
    from: row.from_status,
    to: row.to_status,
    changedBy: row.changed_by as ChangedBy,
    note: row.note ?? undefined,
    at: row.created_at.toISOString(),
  };
}
