import { isSupportedCurrency, minimumCharge, parseDecimalAmount, validateAmount } from "../src/currencies/currencies";

describe("currencies", () => {
  it("knows the supported currencies", () => {
    expect(isSupportedCurrency("EUR")).toBe(true);
    expect(isSupportedCurrency("NOK")).toBe(true);
    expect(isSupportedCurrency("JPY")).toBe(false);
  });

  it("enforces minimum charges per currency", () => {
    expect(minimumCharge("SEK")).toBe(300);
    expect(validateAmount(49, "EUR")).toBe("amount is below the EUR minimum of 0.5");
    expect(validateAmount(50, "EUR")).toBeNull();
  });

  it("rejects fractional minor units", () => {
    expect(validateAmount(100.5, "EUR")).toMatch(/integer/);
  });

  it("parses settlement report amounts", () => {
    expect(parseDecimalAmount("12.30", "EUR")).toBe(1230);
    expect(parseDecimalAmount("-0.07", "GBP")).toBe(-7);
    expect(() => parseDecimalAmount("n/a", "EUR")).toThrow("not an amount");
  });
});
