import { HttpClient } from "../infra/http-client";
import { UpstreamError, withRetry } from "../lib/with-retry";
import type { CurrencyCode } from "../currencies/currencies";
import type { AuthorizeRequest, AuthorizeResult, PaymentProcessor, RefundRequest, RefundResult } from "./types";

interface AdyenPaymentResponse {
  pspReference?: string;
  resultCode: "Authorised" | "Refused" | "Error" | "Cancelled" | "Received" | "Pending";
  refusalReason?: string;
  refusalReasonCode?: string;
}

interface AdyenModificationResponse {
  pspReference: string;
  status: "received";
}

/** Adyen's refusal codes mapped onto the decline codes checkout shows to customers. */
const REFUSAL_CODES: Record<string, string> = {
  "2": "card_declined",
  "4": "card_declined",
  "5": "card_blocked",
  "6": "card_expired",
  "7": "amount_mismatch",
  "12": "insufficient_funds",
  "14": "fraud_suspected",
  "24": "cvc_incorrect",
  "27": "do_not_honor",
};

export class AdyenProcessor implements PaymentProcessor {
  readonly name = "adyen" as const;
  private readonly http: HttpClient;

  constructor(
    baseUrl: string,
    apiKey: string,
    private readonly merchantAccount: string,
  ) {
    this.http = new HttpClient(baseUrl, { headers: { "x-api-key": apiKey }, name: "adyen" });
  }

  async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
    try {
      const res = await withRetry(
        () =>
          this.http.post<AdyenPaymentResponse>(
            "/payments",
            {
              merchantAccount: this.merchantAccount,
              reference: req.chargeId,
              amount: { value: req.amountMinor, currency: req.currency },
              paymentMethod: { type: "scheme", storedPaymentMethodId: req.paymentMethodToken },
              shopperReference: req.customerId,
              shopperInteraction: "ContAuth",
              recurringProcessingModel: "CardOnFile",
              captureDelayHours: req.capture ? 0 : undefined,
            },
            { idempotencyKey: `auth-${req.chargeId}` },
          ),
        { label: "adyen.authorize" },
      );
      switch (res.resultCode) {
        case "Authorised":
          return { outcome: req.capture ? "captured" : "authorized", processorRef: res.pspReference ?? "" };
        case "Refused":
        case "Cancelled":
          return {
            outcome: "declined",
            processorRef: res.pspReference ?? null,
            declineCode: REFUSAL_CODES[res.refusalReasonCode ?? ""] ?? "card_declined",
          };
        default:
          return { outcome: "error", message: `unexpected resultCode ${res.resultCode}` };
      }
    } catch (err) {
      if (err instanceof UpstreamError) return { outcome: "error", message: err.message };
      throw err;
    }
  }

  async capture(processorRef: string, amountMinor: number, currency: CurrencyCode): Promise<void> {
    await withRetry(
      () =>
        this.http.post<AdyenModificationResponse>(
          `/payments/${processorRef}/captures`,
          { merchantAccount: this.merchantAccount, amount: { value: amountMinor, currency } },
          { idempotencyKey: `capture-${processorRef}-${amountMinor}` },
        ),
      { label: "adyen.capture" },
    );
  }

  async void(processorRef: string): Promise<void> {
    await withRetry(
      () =>
        this.http.post<AdyenModificationResponse>(
          `/payments/${processorRef}/cancels`,
          { merchantAccount: this.merchantAccount },
          { idempotencyKey: `cancel-${processorRef}` },
        ),
      { label: "adyen.cancel" },
    );
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    const res = await withRetry(
      () =>
        this.http.post<AdyenModificationResponse>(
          `/payments/${req.processorRef}/refunds`,
          {
            merchantAccount: this.merchantAccount,
            reference: req.refundId,
            amount: { value: req.amountMinor, currency: req.currency },
          },
          { idempotencyKey: `refund-${req.refundId}` },
        ),
      { label: "adyen.refund" },
    );
    // Adyen confirms refunds with a REFUND notification later.
    return { processorRef: res.pspReference, status: "pending" };
  }
}
