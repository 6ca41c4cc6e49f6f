import type { CurrencyCode } from "../currencies/currencies";

export type ProcessorName = "adyen" | "stripe";

export type ChargeStatus =
  | "pending"
  | "authorized"
  | "captured"
  | "declined"
  | "failed"
  | "voided"
  | "partially_refunded"
  | "refunded";

export type CaptureMode = "automatic" | "manual";

export interface Charge {
  id: string;
  orderId: string;
  customerId: string;
  amountMinor: number;
  currency: CurrencyCode;
  status: ChargeStatus;
  captureMode: CaptureMode;
  processor: ProcessorName;
  processorRef: string | null;
  declineCode: string | null;
  capturedMinor: number;
  refundedMinor: number;
  fraudScore: number | null;
  retriedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PaymentMethod {
  id: string;
  customerId: string;
  /** Processor-side token; we never see card numbers. */
  token: string;
  brand: string | null;
  last4: string | null;
  bin: string | null;
  country: string | null;
  createdAt: Date;
}

export interface NewCharge {
  orderId: string;
  customerId: string;
  amountMinor: number;
  currency: CurrencyCode;
  captureMode: CaptureMode;
  paymentMethodId: string;
  ipCountry?: string;
  billingCountry?: string;
}

/** Statuses a charge can move to from a given status. Anything else is a bug or a replayed webhook. */
export const TRANSITIONS: Record<ChargeStatus, ChargeStatus[]> = {
  pending: ["authorized", "captured", "declined", "failed"],
  authorized: ["captured", "voided", "failed"],
  captured: ["partially_refunded", "refunded"],
  partially_refunded: ["partially_refunded", "refunded"],
  declined: ["pending"],
  failed: [],
  voided: [],
  refunded: [],
};

export function canTransition(from: ChargeStatus, to: ChargeStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
