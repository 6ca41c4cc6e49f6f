import { withTransaction } from "../db";
import { audit } from "../audit/audit-log";
import { findByProcessorRef, lockCharge, updateCharge } from "../charges/charges.repo";
import { canTransition } from "../charges/types";
import { captureTransaction, chargebackTransaction, postTransaction, refundTransaction } from "../ledger/ledger";
import { findRefundByProcessorRef, setRefundResult } from "../refunds/refunds.repo";
import { markRefundFailed } from "../refunds/refunds.service";
import { childLogger } from "../lib/logger";
import type { ProcessorName } from "../charges/types";

const log = childLogger("webhooks");

/** The processor-neutral shape both webhook routes turn their payloads into. */
export interface PaymentEvent {
  processor: ProcessorName;
  eventId: string;
  type: "capture" | "capture_failed" | "refund" | "refund_failed" | "chargeback" | "chargeback_reversed";
  processorRef: string;
  amountMinor: number;
  feeMinor?: number;
  disputeId?: string;
}

export async function handlePaymentEvent(event: PaymentEvent): Promise<void> {
  switch (event.type) {
    case "capture":
      return onCapture(event);
    case "capture_failed":
      return onCaptureFailed(event);
    case "refund":
      return onRefund(event, true);
    case "refund_failed":
      return onRefund(event, false);
    case "chargeback":
      return onChargeback(event);
    case "chargeback_reversed":
      log.info("chargeback reversed, finance books it manually", { disputeId: event.disputeId });
      return;
  }
}

async function onCapture(event: PaymentEvent): Promise<void> {
  const found = await findByProcessorRef(event.processor, event.processorRef);
  if (!found) {
    log.warn("capture for unknown charge", { processorRef: event.processorRef });
    return;
  }
  await withTransaction(async (db) => {
    const charge = await lockCharge(found.id, db);
    if (!charge || charge.status === "captured") return;
    if (!canTransition(charge.status, "captured")) {
      log.warn("ignoring capture in unexpected state", { chargeId: charge.id, status: charge.status });
      return;
    }
    await updateCharge(charge.id, { status: "captured", capturedMinor: event.amountMinor }, db);
    await postTransaction(db, captureTransaction(charge.id, charge.processor, event.amountMinor, charge.currency));
  });
}

async function onCaptureFailed(event: PaymentEvent): Promise<void> {
  const charge = await findByProcessorRef(event.processor, event.processorRef);
  if (!charge) return;
  await updateCharge(charge.id, { status: "failed" });
  audit({ actor: `webhook:${event.processor}`, action: "charge.capture", resource: `charge:${charge.id}`, outcome: "failure" });
}

async function onRefund(event: PaymentEvent, succeeded: boolean): Promise<void> {
  const refund = await findRefundByProcessorRef(event.processorRef);
  if (!refund || refund.status !== "pending") return;
  if (!succeeded) {
    await markRefundFailed(refund);
    return;
  }
  await withTransaction(async (db) => {
    await setRefundResult(refund.id, "succeeded", null, db);
    await postTransaction(db, refundTransaction(refund.id, event.processor, refund.amountMinor, refund.currency));
  });
}

async function onChargeback(event: PaymentEvent): Promise<void> {
  const charge = await findByProcessorRef(event.processor, event.processorRef);
  if (!charge) {
    log.error("chargeback for unknown charge", { processorRef: event.processorRef });
    return;
  }
  await withTransaction((db) =>
    postTransaction(
      db,
      chargebackTransaction(event.disputeId ?? event.eventId, charge.processor, event.amountMinor, event.feeMinor ?? 0, charge.currency),
    ),
  );
  audit({
    actor: `webhook:${event.processor}`,
    action: "charge.chargeback",
    resource: `charge:${charge.id}`,
    outcome: "success",
    details: { disputeId: event.disputeId, amountMinor: event.amountMinor },
  });
}
