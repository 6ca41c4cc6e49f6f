import { retryPayment } from "../src/payments/retry-payment";
import * as repo from "../src/charges/charges.repo";
import type { Charge } from "../src/charges/types";
import type { Processors } from "../src/processors";
import type { PaymentProcessor } from "../src/processors/types";

jest.mock("../src/charges/charges.repo");
jest.mock("../src/audit/audit-log");
jest.mock("../src/db", () => ({ withTransaction: (fn: (db: unknown) => unknown) => fn({ query: jest.fn() }) }));
jest.mock("../src/ledger/ledger", () => ({ captureTransaction: jest.fn(), postTransaction: jest.fn() }));

const mockedRepo = jest.mocked(repo);

const declinedAt = new Date("2025-06-10T10:00:00Z");

function charge(overrides: Partial<Charge> = {}): Charge {
  return {
    id: "5b0e6d0e-8a53-4c5e-9d0f-2f7f1b7d9a10",
    orderId: "ORD-10442",
    customerId: "0a3c1f9e-64b2-4d1c-9b11-5c2f3e8d7a66",
    amountMinor: 8_990,
    currency: "EUR",
    status: "declined",
    captureMode: "automatic",
    processor: "adyen",
    processorRef: "8815736280912357",
    declineCode: "insufficient_funds",
    capturedMinor: 0,
    refundedMinor: 0,
    fraudScore: 10,
    retriedAt: null,
    createdAt: declinedAt,
    updatedAt: declinedAt,
    ...overrides,
  };
}

function processorsWith(fallback: Partial<PaymentProcessor>): Processors {
  const stripe = { name: "stripe", ...fallback } as PaymentProcessor;
  return { primary: {} as PaymentProcessor, get: () => stripe, fallbackFor: () => stripe };
}

describe("retryPayment", () => {
  beforeEach(() => {
    mockedRepo.latestPaymentMethod.mockResolvedValue({
      id: "pm_2",
      customerId: "0a3c1f9e-64b2-4d1c-9b11-5c2f3e8d7a66",
      token: "pm_1Q2w3E4r",
      brand: "visa",
      last4: "4242",
      bin: "424242",
      country: "DE",
      createdAt: new Date("2025-06-10T10:05:00Z"),
    });
    mockedRepo.updateCharge.mockImplementation(async (_id, patch) => charge(patch));
  });

  it("sends the new card to the fallback processor once", async () => {
    mockedRepo.findCharge.mockResolvedValue(charge());
    const authorize = jest.fn().mockResolvedValue({ outcome: "captured", processorRef: "pi_3Nx" });
    const result = await retryPayment("5b0e6d0e-8a53-4c5e-9d0f-2f7f1b7d9a10", { processors: processorsWith({ authorize }), actor: "web-checkout" });
    expect(authorize).toHaveBeenCalledTimes(1);
    expect(authorize.mock.calls[0][0]).toMatchObject({ paymentMethodToken: "pm_1Q2w3E4r", capture: true });
    expect(result.status).toBe("captured");
  });

  it("refuses a second retry", async () => {
    mockedRepo.findCharge.mockResolvedValue(charge({ retriedAt: new Date("2025-06-10T10:06:00Z") }));
    await expect(
      retryPayment("x", { processors: processorsWith({ authorize: jest.fn() }), actor: "web-checkout" }),
    ).rejects.toThrow("can be retried once");
  });

  it("refuses when the customer has not changed the card", async () => {
    mockedRepo.findCharge.mockResolvedValue(charge({ updatedAt: new Date("2025-06-10T11:00:00Z") }));
    await expect(
      retryPayment("x", { processors: processorsWith({ authorize: jest.fn() }), actor: "web-checkout" }),
    ).rejects.toThrow("has not added a new card");
  });

  it("treats fraud blocks as final", async () => {
    mockedRepo.findCharge.mockResolvedValue(charge({ declineCode: "fraud_blocked" }));
    await expect(
      retryPayment("x", { processors: processorsWith({ authorize: jest.fn() }), actor: "web-checkout" }),
    ).rejects.toThrow("is final");
  });

  it("records a second decline", async () => {
    mockedRepo.findCharge.mockResolvedValue(charge());
    const authorize = jest.fn().mockResolvedValue({ outcome: "declined", processorRef: "pi_4", declineCode: "card_declined" });
    const result = await retryPayment("x", { processors: processorsWith({ authorize }), actor: "web-checkout" });
    expect(result.status).toBe("declined");
  });
});
