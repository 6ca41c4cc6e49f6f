import { apiFetch } from "../lib/http";
import type { Money } from "../lib/money";
import { retry } from "../lib/retry";

export interface PaymentIntent {
  id: string;
  status: "requires_payment_method" | "requires_action" | "processing" | "succeeded" | "canceled";
  amount: Money;
  clientSecret: string;
}

export interface CreateIntentInput {
  orderId: string;
  amount: Money;
  email: string;
  /** Same key on every attempt, so a retried create never charges twice. */
  idempotencyKey: string;
}

export async function createPaymentIntent(input: CreateIntentInput): Promise<PaymentIntent> {
  return retry(() =>
    apiFetch<PaymentIntent>("/payments/v1/intents", {
      method: "POST",
      headers: { "idempotency-key": input.idempotencyKey },
      body: {
        reference: input.orderId,
        amount_minor: input.amount.amountMinor,
        currency: input.amount.currency,
        receipt_email: input.email,
      },
    }),
  );
}

export async function getPaymentIntent(id: string): Promise<PaymentIntent> {
  return retry(() => apiFetch<PaymentIntent>(`/payments/v1/intents/${encodeURIComponent(id)}`));
}

export async function cancelPaymentIntent(id: string): Promise<void> {
  // not retried: a cancel that timed out may have gone through, and support reconciles the rest
  await apiFetch<void>(`/payments/v1/intents/${encodeURIComponent(id)}/cancel`, { method: "POST" });
}
