import { createHmac, timingSafeEqual } from "node:crypto";

/** Adyen signs each notification item: HMAC-SHA256 over a colon-joined list of fields, base64. */
export interface AdyenNotificationItem {
  pspReference: string;
  originalReference?: string;
  merchantAccountCode: string;
  merchantReference: string;
  amount: { value: number; currency: string };
  eventCode: string;
  success: "true" | "false";
  reason?: string;
  eventDate: string;
  additionalData?: Record<string, string>;
}

function escape(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/:/g, "\\:");
}

export function adyenSigningPayload(item: AdyenNotificationItem): string {
  return [
    item.pspReference,
    item.originalReference ?? "",
    item.merchantAccountCode,
    item.merchantReference,
    String(item.amount.value),
    item.amount.currency,
    item.eventCode,
    item.success,
  ]
    .map(escape)
    .join(":");
}

export function verifyAdyenSignature(item: AdyenNotificationItem, hexKey: string): boolean {
  const received = item.additionalData?.hmacSignature;
  if (!received) return false;
  const expected = createHmac("sha256", Buffer.from(hexKey, "hex")).update(adyenSigningPayload(item)).digest();
  const actual = Buffer.from(received, "base64");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Stripe: header `t=<unix>,v1=<hex>`, HMAC-SHA256 of `${t}.${rawBody}`. Events older than the
 * tolerance are rejected so a captured request can't be replayed later.
 */
export function verifyStripeSignature(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
  toleranceSeconds = 300,
  now: number = Date.now(),
): boolean {
  if (!header) return false;
  const parts = new Map<string, string[]>();
  for (const piece of header.split(",")) {
    const [key, value] = piece.split("=");
    if (!key || !value) continue;
    parts.set(key, [...(parts.get(key) ?? []), value]);
  }
  const timestamp = Number(parts.get("t")?.[0]);
  if (!Number.isFinite(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody.toString("utf8")}`).digest();
  return (parts.get("v1") ?? []).some((candidate) => {
    const actual = Buffer.from(candidate, "hex");
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
}
