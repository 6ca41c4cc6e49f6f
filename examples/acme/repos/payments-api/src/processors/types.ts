import type { CurrencyCode } from "../currencies/currencies";
import type { ProcessorName } from "../charges/types";

export interface AuthorizeRequest {
  chargeId: string;
  amountMinor: number;
  currency: CurrencyCode;
  paymentMethodToken: string;
  capture: boolean;
  customerId: string;
}

export type AuthorizeResult =
  | { outcome: "authorized" | "captured"; processorRef: string }
  | { outcome: "declined"; processorRef: string | null; declineCode: string }
  | { outcome: "error"; message: string };

export interface RefundRequest {
  refundId: string;
  processorRef: string;
  amountMinor: number;
  currency: CurrencyCode;
}

export interface RefundResult {
  processorRef: string;
  /** Some processors confirm refunds asynchronously via webhook. */
  status: "succeeded" | "pending";
}

export interface PaymentProcessor {
  readonly name: ProcessorName;
  authorize(req: AuthorizeRequest): Promise<AuthorizeResult>;
  capture(processorRef: string, amountMinor: number, currency: CurrencyCode): Promise<void>;
  void(processorRef: string): Promise<void>;
  refund(req: RefundRequest): Promise<RefundResult>;
}
