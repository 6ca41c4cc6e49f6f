import { describe, expect, it } from "vitest";
import type { NewOrderEvent, OrderEventRow, OrderEventsRepository } from "./order-events-repository";
import { InvalidTransitionError, type Order } from "./order";
import { OrderHistoryLogger } from "./order-history-logger";

class InMemoryEvents {
  rows: OrderEventRow[] = [];

  async insert(event: NewOrderEvent): Promise<void> {
    this.rows.push({
      id: this.rows.length + 1,
      order_id: event.orderId,
      from_status: event.from,
      to_status: event.to,
      changed_by: event.changedBy,
      note: event.note ?? null,
      created_at: event.at,
    });
  }

  async listForOrder(orderId: string): Promise<OrderEventRow[]> {
    return this.rows.filter((row) => row.order_id === orderId);
  }
}

const order = { id: "o-1", status: "pending_payment" } as Order;
const clock = () => new Date("2025-06-02T08:30:00Z");

describe("OrderHistoryLogger", () => {
  it("records the placed order and each transition", async () => {
    const events = new InMemoryEvents();
    const history = new OrderHistoryLogger(events as unknown as OrderEventsRepository, clock);
    await history.orderPlaced(order);
    const paid = await history.transition(order, "paid", "system");
    await history.transition(paid, "allocated", "system", "Kassel");

    const timeline = await history.timeline("o-1");
    expect(timeline.map((c) => c.to)).toEqual(["pending_payment", "paid", "allocated"]);
    expect(timeline[2]).toMatchObject({ from: "paid", note: "Kassel", at: "2025-06-02T08:30:00.000Z" });
  });

  it("refuses transitions the order cannot make", async () => {
    const history = new OrderHistoryLogger(new InMemoryEvents() as unknown as OrderEventsRepository, clock);
    await expect(history.transition(order, "shipped", "support")).rejects.toBeInstanceOf(InvalidTransitionError);
  });
});
