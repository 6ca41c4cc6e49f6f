import { Router } from "express";
import type { Config } from "../config";
import { getPool } from "../db";
import { asyncHandler } from "../http/async-handler";
import { HttpProblem } from "../http/problem";
import { runWithCorrelationId } from "../http/correlation";
import { childLogger } from "../lib/logger";
import { type PaymentEvent, handlePaymentEvent } from "./handlers";
import { type AdyenNotificationItem, verifyAdyenSignature, verifyStripeSignature } from "./signature";

const log = childLogger("webhooks");

const ADYEN_EVENTS: Record<string, [PaymentEvent["type"], PaymentEvent["type"]]> = {
  CAPTURE: ["capture", "capture_failed"],
  REFUND: ["refund", "refund_failed"],
  CHARGEBACK: ["chargeback", "chargeback"],
  CHARGEBACK_REVERSED: ["chargeback_reversed", "chargeback_reversed"],
};

const STRIPE_EVENTS: Record<string, PaymentEvent["type"]> = {
  "charge.captured": "capture",
  "charge.refunded": "refund",
  "charge.refund.updated": "refund",
  "charge.dispute.created": "chargeback",
  "charge.dispute.funds_reinstated": "chargeback_reversed",
};

/** Returns false when we have already seen this event, so replays are acknowledged and skipped. */
async function firstDelivery(processor: string, eventId: string, payload: unknown): Promise<boolean> {
  const res = await getPool().query(
    `INSERT INTO webhook_events (processor, event_id, payload) VALUES ($1, $2, $3)
     ON CONFLICT (processor, event_id) DO NOTHING`,
    [processor, eventId, JSON.stringify(payload)],
  );
  return res.rowCount === 1;
}

export function webhooksRouter(config: Config) {
  const router = Router();

  router.post(
    "/adyen",
    asyncHandler(async (req, res) => {
      const body = JSON.parse((req.body as Buffer).toString("utf8")) as {
        notificationItems: { NotificationRequestItem: AdyenNotificationItem }[];
      };
      for (const { NotificationRequestItem: item } of body.notificationItems ?? []) {
        if (!verifyAdyenSignature(item, config.ADYEN_HMAC_KEY)) {
          log.warn("adyen notification with bad signature", { pspReference: item.pspReference });
          throw new HttpProblem(401, "bad-signature", "Notification signature does not match");
        }
        const mapping = ADYEN_EVENTS[item.eventCode];
        const eventId = `${item.eventCode}:${item.pspReference}`;
        if (!mapping || !(await firstDelivery("adyen", eventId, item))) continue;
        await runWithCorrelationId(`adyen-${item.pspReference}`, () =>
          handlePaymentEvent({
            processor: "adyen",
            eventId,
            type: item.success === "true" ? mapping[0] : mapping[1],
            processorRef: item.originalReference ?? item.pspReference,
            amountMinor: item.amount.value,
            disputeId: item.eventCode.startsWith("CHARGEBACK") ? item.pspReference : undefined,
          }),
        );
      }
      // Adyen retries until it sees exactly this body.
      res.type("text/plain").send("[accepted]");
    }),
  );

  router.post(
    "/stripe",
    asyncHandler(async (req, res) => {
      const raw = req.body as Buffer;
      if (!verifyStripeSignature(raw, req.header("stripe-signature"), config.STRIPE_WEBHOOK_SECRET)) {
        throw new HttpProblem(401, "bad-signature", "Stripe-Signature does not match");
      }
      const event = JSON.parse(raw.toString("utf8")) as {
        id: string;
        type: string;
        data: { object: { id: string; payment_intent?: string; amount?: number; amount_captured?: number; amount_refunded?: number } };
      };
      const type = STRIPE_EVENTS[event.type];
      if (type && (await firstDelivery("stripe", event.id, event))) {
        const object = event.data.object;
        await runWithCorrelationId(`stripe-${event.id}`, () =>
          handlePaymentEvent({
            processor: "stripe",
            eventId: event.id,
            type,
            processorRef: object.payment_intent ?? object.id,
            amountMinor: object.amount_captured ?? object.amount_refunded ?? object.amount ?? 0,
            disputeId: type.startsWith("chargeback") ? object.id : undefined,
          }),
        );
      }
      res.json({ received: true });
    }),
  );

  return router;
}
