import { query } from "../lib/db";
import type { Order } from "./order";

interface OrderRow {
  id: string;
  document: Order;
}

export class OrderRepository {
  async insert(order: Order): Promise<void> {
    await query(
      `insert into orders (id, number, customer_id, email, status, document, placed_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [order.id, order.number, order.customerId ?? null, order.email, order.status, order, order.placedAt],
    );
  }

  async update(order: Order): Promise<void> {
    await query(`update orders set status = $2, document = $3 where id = $1`, [order.id, order.status, order]);
  }

  async findById(id: string): Promise<Order | undefined> {
    const rows = await query<OrderRow>(`select id, document from orders where id = $1`, [id]);
    return rows[0]?.document;
  }

  async findByNumber(number: string, email: string): Promise<Order | undefined> {
    const rows = await query<OrderRow>(
      `select id, document from orders where number = $1 and lower(email) = lower($2)`,
      [number, email],
    );
    return rows[0]?.document;
  }

  async listForCustomer(customerId: string, limit = 20): Promise<Order[]> {
    const rows = await query<OrderRow>(
      `select id, document from orders where customer_id = $1 order by placed_at desc limit $2`,
      [customerId, limit],
    );
    return rows.map((row) => row.document);
  }
}
