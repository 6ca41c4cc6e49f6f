import { query } from "../lib/db";
import type { OrderStatus } from "./order";

export interface OrderEventRow {
  id: number;
  order_id: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  changed_by: string;
  note: string | null;
  created_at: Date;
}

export interface NewOrderEvent {
  orderId: string;
  from: OrderStatus | null;
  to: OrderStatus;
  changedBy: string;
  note?: string;
  at: Date;
}

export class OrderEventsRepository {
  async insert(event: NewOrderEvent): Promise<void> {
    await query(
      `insert into order_events (order_id, from_status, to_status, changed_by, note, created_at)
       values ($1, $2, $3, $4, $5, $6)`,
      [event.orderId, event.from, event.to, event.changedBy, event.note ?? null, event.at],
    );
  }

  async listForOrder(orderId: string): Promise<OrderEventRow[]> {
    return query<OrderEventRow>(
      `select id, order_id, from_status, to_status, changed_by, note, created_at
         from order_events
        where order_id = $1
        order by created_at asc, id asc`,
      [orderId],
    );
  }
}
