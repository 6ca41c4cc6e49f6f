import { withTransaction } from "../db";
import { audit } from "../audit/audit-log";
import { lockCharge, updateCharge } from "../charges/charges.repo";
import { conflict, notFound, unprocessable } from "../http/problem";
import { postTransaction, refundTransaction } from "../ledger/ledger";
import type { Processors } from "../processors";
import { type Refund, type RefundReason, insertRefund, setRefundResult } from "./refunds.repo";

export interface RefundInput {
  chargeId: string;
  amountMinor?: number;
  reason: RefundReason;
  actor: string;
}

/** Refunds older than this go through the ops console as a bank transfer instead. */
const MAX_REFUND_AGE_DAYS = 180;

export function refundableMinor(charge: { capturedMinor: number; refundedMinor: number }): number {
  return charge.capturedMinor - charge.refundedMinor;
}

export async function createRefund(input: RefundInput, processors: Processors): Promise<Refund> {
  const { refund, processorRef, processorName } = await withTransaction(async (db) => {
    const charge = await lockCharge(input.chargeId, db);
    if (!charge) throw notFound("charge", input.chargeId);
    if (charge.status !== "captured" && charge.status !== "partially_refunded") {
      throw conflict("charge-not-refundable", `charge is ${charge.status}`);
    }
    const ageDays = (Date.now() - charge.createdAt.getTime()) / 86_400_000;
    if (ageDays > MAX_REFUND_AGE_DAYS) {
      throw unprocessable("refund-window-closed", `charge is older than ${MAX_REFUND_AGE_DAYS} days`);
    }
    const remaining = refundableMinor(charge);
    const amount = input.amountMinor ?? remaining;
    if (amount <= 0 || amount > remaining) {
      throw unprocessable("refund-exceeds-captured", `at most ${remaining} can be refunded`, { remainingMinor: remaining });
    }
    const refund = await insertRefund(
      { chargeId: charge.id, amountMinor: amount, currency: charge.currency, reason: input.reason, requestedBy: input.actor },
      db,
    );
    const refundedMinor = charge.refundedMinor + amount;
    await updateCharge(
      charge.id,
      { refundedMinor, status: refundedMinor === charge.capturedMinor ? "refunded" : "partially_refunded" },
      db,
    );
    return { refund, processorRef: charge.processorRef as string, processorName: charge.processor };
  });

  const processor = processors.get(processorName);
  try {
    const result = await processor.refund({
      refundId: refund.id,
      processorRef,
      amountMinor: refund.amountMinor,
      currency: refund.currency,
    });
    const updated = await withTransaction(async (db) => {
      const row = await setRefundResult(refund.id, result.status, result.processorRef, db);
      if (result.status === "succeeded") {
        await postTransaction(db, refundTransaction(refund.id, processorName, refund.amountMinor, refund.currency));
      }
      return row;
    });
    audit({
      actor: input.actor,
      action: "refund.create",
      resource: `charge:${input.chargeId}`,
      outcome: "success",
      details: { refundId: refund.id, amountMinor: refund.amountMinor, reason: input.reason },
    });
    return updated;
  } catch (err) {
    await markRefundFailed(refund);
    audit({ actor: input.actor, action: "refund.create", resource: `charge:${input.chargeId}`, outcome: "failure", details: { refundId: refund.id } });
    throw err;
  }
}

/** Gives the amount back to the charge so the refund can be tried again. */
export async function markRefundFailed(refund: Refund): Promise<void> {
  await withTransaction(async (db) => {
    const charge = await lockCharge(refund.chargeId, db);
    await setRefundResult(refund.id, "failed", null, db);
    if (!charge) return;
    const refundedMinor = Math.max(0, charge.refundedMinor - refund.amountMinor);
    await updateCharge(charge.id, { refundedMinor, status: refundedMinor === 0 ? "captured" : "partially_refunded" }, db);
  });
}
