import { HttpClient } from "../infra/http-client";
import { UpstreamError, withRetry } from "../lib/with-retry";
import type { CurrencyCode } from "../currencies/currencies";
import type { AuthorizeRequest, AuthorizeResult, PaymentProcessor, RefundRequest, RefundResult } from "./types";

interface StripePaymentIntent {
  id: string;
  status: "succeeded" | "requires_capture" | "requires_payment_method" | "requires_action" | "canceled" | "processing";
  last_payment_error?: { decline_code?: string; code?: string };
}

interface StripeRefund {
  id: string;
  status: "succeeded" | "pending" | "failed" | "canceled";
}

interface StripeErrorBody {
  error?: { type: string; code?: string; decline_code?: string; payment_intent?: { id: string } };
}

/**
 * Fallback processor. Only used for the second attempt on a charge Adyen declined (see
 * payments/retry-payment.ts) and for cards Adyen can't route.
 */
export class StripeProcessor implements PaymentProcessor {
  readonly name = "stripe" as const;
  private readonly http: HttpClient;

  constructor(baseUrl: string, secretKey: string) {
    this.http = new HttpClient(baseUrl, {
      headers: { authorization: `Bearer ${secretKey}`, "stripe-version": "2024-06-20" },
      name: "stripe",
    });
  }

  async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
    try {
      const intent = await withRetry(
        () =>
          this.http.postForm<StripePaymentIntent>(
            "/payment_intents",
            {
              amount: String(req.amountMinor),
              currency: req.currency.toLowerCase(),
              payment_method: req.paymentMethodToken,
              confirm: "true",
              off_session: "true",
              capture_method: req.capture ? "automatic" : "manual",
              "metadata[charge_id]": req.chargeId,
            },
            { idempotencyKey: `pi-${req.chargeId}` },
          ),
        { label: "stripe.authorize" },
      );
      if (intent.status === "succeeded") return { outcome: "captured", processorRef: intent.id };
      if (intent.status === "requires_capture") return { outcome: "authorized", processorRef: intent.id };
      return {
        outcome: "declined",
        processorRef: intent.id,
        declineCode: intent.last_payment_error?.decline_code ?? "card_declined",
      };
    } catch (err) {
      if (err instanceof UpstreamError && err.statusCode === 402) {
        const body = err.body as StripeErrorBody | undefined;
        return {
          outcome: "declined",
          processorRef: body?.error?.payment_intent?.id ?? null,
          declineCode: body?.error?.decline_code ?? body?.error?.code ?? "card_declined",
        };
      }
      if (err instanceof UpstreamError) return { outcome: "error", message: err.message };
      throw err;
    }
  }

  async capture(processorRef: string, amountMinor: number, _currency: CurrencyCode): Promise<void> {
    await withRetry(
      () =>
        this.http.postForm(`/payment_intents/${processorRef}/capture`, { amount_to_capture: String(amountMinor) }),
      { label: "stripe.capture" },
    );
  }

  async void(processorRef: string): Promise<void> {
    await withRetry(() => this.http.postForm(`/payment_intents/${processorRef}/cancel`, {}), {
      label: "stripe.cancel",
    });
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    const refund = await withRetry(
      () =>
        this.http.postForm<StripeRefund>(
          "/refunds",
          { payment_intent: req.processorRef, amount: String(req.amountMinor), "metadata[refund_id]": req.refundId },
          { idempotencyKey: `refund-${req.refundId}` },
        ),
      { label: "stripe.refund" },
    );
    return { processorRef: refund.id, status: refund.status === "succeeded" ? "succeeded" : "pending" };
  }
}
