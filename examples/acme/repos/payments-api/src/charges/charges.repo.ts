import type { PoolClient } from "pg";
import { getPool } from "../db";
import type { Charge, ChargeStatus, NewCharge, PaymentMethod, ProcessorName } from "./types";

type Queryable = Pick<PoolClient, "query">;

interface ChargeRow {
  id: string;
  order_id: string;
  customer_id: string;
  amount_minor: string;
  currency: Charge["currency"];
  status: ChargeStatus;
  capture_mode: Charge["captureMode"];
  processor: ProcessorName;
  processor_ref: string | null;
  decline_code: string | null;
  captured_minor: string;
  refunded_minor: string;
  fraud_score: number | null;
  retried_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

function toCharge(row: ChargeRow): Charge {
  return {
    id: row.id,
    orderId: row.order_id,
    customerId: row.customer_id,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    status: row.status,
    captureMode: row.capture_mode,
    processor: row.processor,
    processorRef: row.processor_ref,
    declineCode: row.decline_code,
    capturedMinor: Number(row.captured_minor),
    refundedMinor: Number(row.refunded_minor),
    fraudScore: row.fraud_score,
    retriedAt: row.retried_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertCharge(
  input: NewCharge & { processor: ProcessorName; fraudScore: number | null },
  db: Queryable = getPool(),
): Promise<Charge> {
  const { rows } = await db.query<ChargeRow>(
    `INSERT INTO charges (order_id, customer_id, amount_minor, currency, status, capture_mode, processor, fraud_score)
     VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7)
     RETURNING *`,
    [input.orderId, input.customerId, input.amountMinor, input.currency, input.captureMode, input.processor, input.fraudScore],
  );
  return toCharge(rows[0] as ChargeRow);
}

export async function findCharge(id: string, db: Queryable = getPool()): Promise<Charge | null> {
  const { rows } = await db.query<ChargeRow>("SELECT * FROM charges WHERE id = $1", [id]);
  return rows[0] ? toCharge(rows[0]) : null;
}

export async function lockCharge(id: string, db: Queryable): Promise<Charge | null> {
  const { rows } = await db.query<ChargeRow>("SELECT * FROM charges WHERE id = $1 FOR UPDATE", [id]);
  return rows[0] ? toCharge(rows[0]) : null;
}

export async function findByProcessorRef(processor: ProcessorName, ref: string, db: Queryable = getPool()) {
  const { rows } = await db.query<ChargeRow>("SELECT * FROM charges WHERE processor = $1 AND processor_ref = $2", [
    processor,
    ref,
  ]);
  return rows[0] ? toCharge(rows[0]) : null;
}

export async function listChargesForOrder(orderId: string, db: Queryable = getPool()): Promise<Charge[]> {
  const { rows } = await db.query<ChargeRow>("SELECT * FROM charges WHERE order_id = $1 ORDER BY created_at", [orderId]);
  return rows.map(toCharge);
}

export async function updateCharge(
  id: string,
  patch: Partial<Pick<Charge, "status" | "processorRef" | "declineCode" | "capturedMinor" | "refundedMinor" | "processor" | "retriedAt">>,
  db: Queryable = getPool(),
): Promise<Charge> {
  const columns: Record<string, unknown> = {
    status: patch.status,
    processor_ref: patch.processorRef,
    decline_code: patch.declineCode,
    captured_minor: patch.capturedMinor,
    refunded_minor: patch.refundedMinor,
    processor: patch.processor,
    retried_at: patch.retriedAt,
  };
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const [column, value] of Object.entries(columns)) {
    if (value === undefined) continue;
    values.push(value);
    sets.push(`${column} = $${values.length}`);
  }
  const { rows } = await db.query<ChargeRow>(
    `UPDATE charges SET ${sets.join(", ")}, updated_at = now() WHERE id = $1 RETURNING *`,
    values,
  );
  return toCharge(rows[0] as ChargeRow);
}

export async function countRecentCharges(customerId: string, sinceMinutes: number, db: Queryable = getPool()) {
  const { rows } = await db.query<{ count: string; declined: string }>(
    `SELECT count(*) AS count, count(*) FILTER (WHERE status = 'declined') AS declined
       FROM charges
      WHERE customer_id = $1 AND created_at > now() - make_interval(mins => $2)`,
    [customerId, sinceMinutes],
  );
  return { total: Number(rows[0]?.count ?? 0), declined: Number(rows[0]?.declined ?? 0) };
}

export async function findPaymentMethod(id: string, db: Queryable = getPool()): Promise<PaymentMethod | null> {
  const { rows } = await db.query(
    `SELECT id, customer_id AS "customerId", token, brand, last4, bin, country, created_at AS "createdAt"
       FROM payment_methods WHERE id = $1`,
    [id],
  );
  return (rows[0] as PaymentMethod | undefined) ?? null;
}

export async function latestPaymentMethod(customerId: string, db: Queryable = getPool()): Promise<PaymentMethod | null> {
  const { rows } = await db.query(
    `SELECT id, customer_id AS "customerId", token, brand, last4, bin, country, created_at AS "createdAt"
       FROM payment_methods WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 1`,
    [customerId],
  );
  return (rows[0] as PaymentMethod | undefined) ?? null;
}
