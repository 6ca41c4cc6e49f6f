import {
  UnbalancedTransactionError,
  assertBalanced,
  captureTransaction,
  chargebackTransaction,
  postTransaction,
  refundTransaction,
} from "../src/ledger/ledger";

describe("ledger transactions", () => {
  it("builds balanced capture and refund transactions", () => {
    expect(() => assertBalanced(captureTransaction("ch_1", "adyen", 4_999, "EUR"))).not.toThrow();
    expect(() => assertBalanced(refundTransaction("re_1", "stripe", 1_000, "GBP"))).not.toThrow();
  });

  it("books the chargeback fee separately", () => {
    const tx = chargebackTransaction("dp_1", "adyen", 10_000, 1_500, "EUR");
    expect(tx.lines).toEqual([
      { account: "chargeback_losses", debitMinor: 10_000, creditMinor: 0 },
      { account: "processor_clearing:adyen", debitMinor: 0, creditMinor: 11_500 },
      { account: "fees", debitMinor: 1_500, creditMinor: 0 },
    ]);
    expect(() => assertBalanced(tx)).not.toThrow();
  });

  it("rejects unbalanced and empty transactions", () => {
    const tx = captureTransaction("ch_2", "adyen", 100, "EUR");
    tx.lines[1] = { account: "merchant_revenue", debitMinor: 0, creditMinor: 99 };
    expect(() => assertBalanced(tx)).toThrow(UnbalancedTransactionError);
    expect(() => assertBalanced({ ...tx, lines: [] })).toThrow(UnbalancedTransactionError);
  });

  it("rejects negative lines", () => {
    const tx = captureTransaction("ch_3", "adyen", -100, "EUR");
    expect(() => assertBalanced(tx)).toThrow("must not be negative");
  });
});

describe("postTransaction", () => {
  it("writes the header and one row per line", async () => {
    const query = jest.fn().mockResolvedValueOnce({ rows: [{ id: "tx_1" }] }).mockResolvedValue({ rows: [] });
    const id = await postTransaction({ query } as never, captureTransaction("ch_1", "adyen", 500, "EUR"));
    expect(id).toBe("tx_1");
    expect(query).toHaveBeenCalledTimes(3);
  });

  it("skips lines when the transaction was already posted", async () => {
    const query = jest.fn().mockResolvedValue({ rows: [] });
    const id = await postTransaction({ query } as never, captureTransaction("ch_1", "adyen", 500, "EUR"));
    expect(id).toBeNull();
    expect(query).toHaveBeenCalledTimes(1);
  });
});
