import { refundableMinor } from "../src/refunds/refunds.service";
import { parseSettlementCsv } from "../src/jobs/reconcile-day";

describe("refundableMinor", () => {
  it("is what was captured minus what was refunded", () => {
    expect(refundableMinor({ capturedMinor: 10_000, refundedMinor: 2_500 })).toBe(7_500);
    expect(refundableMinor({ capturedMinor: 10_000, refundedMinor: 10_000 })).toBe(0);
  });
});

describe("parseSettlementCsv", () => {
  it("reads processor, currency and net amount", () => {
    const csv = "processor,currency,net_settled\nadyen,EUR,10432.55\nstripe,GBP,-12.00\n";
    expect(parseSettlementCsv(csv)).toEqual([
      { processor: "adyen", currency: "EUR", settledMinor: 1_043_255 },
      { processor: "stripe", currency: "GBP", settledMinor: -1_200 },
    ]);
  });

  it("names the broken line", () => {
    expect(() => parseSettlementCsv("processor,currency,net_settled\npaypal,EUR,1.00")).toThrow("line 2");
  });
});
