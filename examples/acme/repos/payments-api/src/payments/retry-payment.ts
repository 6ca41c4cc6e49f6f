import { audit } from "../audit/audit-log";
import { findCharge, latestPaymentMethod, updateCharge } from "../charges/charges.repo";
import type { Charge } from "../charges/types";
import { captureTransaction, postTransaction } from "../ledger/ledger";
import { withTransaction } from "../db";
import { conflict, notFound } from "../http/problem";
import type { Processors } from "../processors";

/**
 * Decline codes where asking the customer for another card can help. Fraud blocks and
 * "do not honor" from the issuer are final: a second processor won't change the answer.
 */
const RECOVERABLE_DECLINES = new Set(["card_declined", "insufficient_funds", "card_expired", "cvc_incorrect"]);

export interface RetryPaymentContext {
  processors: Processors;
  actor: string;
}

/**
 * Second attempt for a charge our primary processor declined, after the customer has entered a
 * different card on checkout's "payment failed" page. The new card goes to the fallback processor,
 * exactly once per charge: a second decline is final and checkout asks for another payment method.
 */
export async function retryPayment(paymentId: string, ctx: RetryPaymentContext): Promise<Charge> {
  const charge = await findCharge(paymentId);
  if (!charge) throw notFound("payment", paymentId);
  if (charge.status !== "declined") throw conflict("payment-not-declined", `payment is ${charge.status}`);
  if (charge.retriedAt) throw conflict("payment-already-retried", "a declined payment can be retried once");
  if (!charge.declineCode || !RECOVERABLE_DECLINES.has(charge.declineCode)) {
    throw conflict("decline-not-recoverable", `decline ${charge.declineCode ?? "unknown"} is final`);
  }

  const method = await latestPaymentMethod(charge.customerId);
  if (!method || method.createdAt <= charge.updatedAt) {
    throw conflict("card-not-updated", "the customer has not added a new card since the decline");
  }

  const fallback = ctx.processors.fallbackFor(charge.processor);
  await updateCharge(charge.id, { status: "pending", processor: fallback.name, retriedAt: new Date() });

  const result = await fallback.authorize({
    chargeId: charge.id,
    amountMinor: charge.amountMinor,
    currency: charge.currency,
    paymentMethodToken: method.token,
    capture: charge.captureMode === "automatic",
    customerId: charge.customerId,
  });

  let updated: Charge;
  switch (result.outcome) {
    case "captured":
      updated = await withTransaction(async (db) => {
        const row = await updateCharge(
          charge.id,
          { status: "captured", processorRef: result.processorRef, capturedMinor: charge.amountMinor },
          db,
        );
        await postTransaction(db, captureTransaction(charge.id, fallback.name, charge.amountMinor, charge.currency));
        return row;
      });
      break;
    case "authorized":
      updated = await updateCharge(charge.id, { status: "authorized", processorRef: result.processorRef });
      break;
    case "declined":
      updated = await updateCharge(charge.id, {
        status: "declined",
        processorRef: result.processorRef ?? undefined,
        declineCode: result.declineCode,
      });
      break;
    default:
      updated = await updateCharge(charge.id, { status: "failed" });
  }

  audit({
    actor: ctx.actor,
    action: "payment.retry",
    resource: `charge:${charge.id}`,
    outcome: updated.status === "captured" || updated.status === "authorized" ? "success" : "failure",
    details: { processor: fallback.name, status: updated.status, previousDecline: charge.declineCode },
  });
  return updated;
}
