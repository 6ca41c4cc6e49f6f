import type { PoolClient } from "pg";
import { getPool } from "../db";
import type { CurrencyCode } from "../currencies/currencies";

type Queryable = Pick<PoolClient, "query">;

export type RefundStatus = "pending" | "succeeded" | "failed";

export type RefundReason = "customer_request" | "duplicate" | "fraudulent" | "order_cancelled" | "goodwill";

export interface Refund {
  id: string;
  chargeId: string;
  amountMinor: number;
  currency: CurrencyCode;
  reason: RefundReason;
  status: RefundStatus;
  processorRef: string | null;
  requestedBy: string;
  createdAt: Date;
}

const COLUMNS = `id, charge_id AS "chargeId", amount_minor::int AS "amountMinor", currency, reason, status,
  processor_ref AS "processorRef", requested_by AS "requestedBy", created_at AS "createdAt"`;

export async function insertRefund(
  refund: Pick<Refund, "chargeId" | "amountMinor" | "currency" | "reason" | "requestedBy">,
  db: Queryable,
): Promise<Refund> {
  const { rows } = await db.query<Refund>(
    `INSERT INTO refunds (charge_id, amount_minor, currency, reason, status, requested_by)
     VALUES ($1, $2, $3, $4, 'pending', $5)
     RETURNING ${COLUMNS}`,
    [refund.chargeId, refund.amountMinor, refund.currency, refund.reason, refund.requestedBy],
  );
  return rows[0] as Refund;
}

export async function setRefundResult(
  id: string,
  status: RefundStatus,
  processorRef: string | null,
  db: Queryable = getPool(),
): Promise<Refund> {
  const { rows } = await db.query<Refund>(
    `UPDATE refunds SET status = $2, processor_ref = coalesce($3, processor_ref), updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, status, processorRef],
  );
  return rows[0] as Refund;
}

export async function listRefunds(chargeId: string, db: Queryable = getPool()): Promise<Refund[]> {
  const { rows } = await db.query<Refund>(`SELECT ${COLUMNS} FROM refunds WHERE charge_id = $1 ORDER BY created_at`, [
    chargeId,
  ]);
  return rows;
}

export async function findRefundByProcessorRef(processorRef: string, db: Queryable = getPool()): Promise<Refund | null> {
  const { rows } = await db.query<Refund>(`SELECT ${COLUMNS} FROM refunds WHERE processor_ref = $1`, [processorRef]);
  return rows[0] ?? null;
}
