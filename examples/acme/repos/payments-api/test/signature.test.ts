import { createHmac } from "node:crypto";
import { type AdyenNotificationItem, adyenSigningPayload, verifyAdyenSignature, verifyStripeSignature } from "../src/webhooks/signature";

const HMAC_KEY = "44782def547aaa06c910c43932b1eb0c71fc68d9d0c057550c48ec2acf6ba056";

function item(overrides: Partial<AdyenNotificationItem> = {}): AdyenNotificationItem {
  return {
    pspReference: "7914073381342284",
    merchantAccountCode: "AcmeRetailEU",
    merchantReference: "0f9a2c1e-5d7b-4f2a-9c1d-3b8e6a7f0d21",
    amount: { value: 1130, currency: "EUR" },
    eventCode: "CAPTURE",
    success: "true",
    eventDate: "2025-01-14T10:12:44+01:00",
    ...overrides,
  };
}

function sign(i: AdyenNotificationItem): AdyenNotificationItem {
  const signature = createHmac("sha256", Buffer.from(HMAC_KEY, "hex")).update(adyenSigningPayload(i)).digest("base64");
  return { ...i, additionalData: { hmacSignature: signature } };
}

describe("Adyen HMAC", () => {
  it("accepts a correctly signed item", () => {
    expect(verifyAdyenSignature(sign(item()), HMAC_KEY)).toBe(true);
  });

  it("rejects a tampered amount", () => {
    const signed = sign(item());
    expect(verifyAdyenSignature({ ...signed, amount: { value: 1, currency: "EUR" } }, HMAC_KEY)).toBe(false);
  });

  it("rejects a missing signature", () => {
    expect(verifyAdyenSignature(item(), HMAC_KEY)).toBe(false);
  });

  it("escapes colons in the signed fields", () => {
    expect(adyenSigningPayload(item({ merchantReference: "a:b" }))).toContain("a\\:b");
  });
});

describe("Stripe signature", () => {
  const secret = "whsec_test_secret";
  const body = Buffer.from('{"id":"evt_1","type":"charge.captured"}');
  const now = Date.parse("2025-05-20T09:00:00Z");
  const t = Math.floor(now / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body.toString()}`).digest("hex");

  it("accepts a fresh, valid signature", () => {
    expect(verifyStripeSignature(body, `t=${t},v1=${v1}`, secret, 300, now)).toBe(true);
  });

  it("accepts when one of several v1 signatures matches (secret rotation)", () => {
    expect(verifyStripeSignature(body, `t=${t},v1=deadbeef,v1=${v1}`, secret, 300, now)).toBe(true);
  });

  it("rejects an old timestamp", () => {
    expect(verifyStripeSignature(body, `t=${t},v1=${v1}`, secret, 300, now + 301_000)).toBe(false);
  });

  it("rejects a missing header", () => {
    expect(verifyStripeSignature(body, undefined, secret)).toBe(false);
  });
});
