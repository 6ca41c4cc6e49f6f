import type { CountryCode } from "../address/countries";

export type TaxClass = "standard" | "reduced" | "zero";

/** VAT rates in percent, as published for 2024/2025. Books and children's clothing are "reduced". */
const VAT_RATES: Record<CountryCode, Record<TaxClass, number>> = {
  DE: { standard: 19, reduced: 7, zero: 0 },
  AT: { standard: 20, reduced: 10, zero: 0 },
  FR: { standard: 20, reduced: 5.5, zero: 0 },
  NL: { standard: 21, reduced: 9, zero: 0 },
  BE: { standard: 21, reduced: 6, zero: 0 },
  SE: { standard: 25, reduced: 6, zero: 0 },
  DK: { standard: 25, reduced: 25, zero: 0 },
  GB: { standard: 20, reduced: 0, zero: 0 },
  IE: { standard: 23, reduced: 13.5, zero: 0 },
};

export function vatRate(country: CountryCode, taxClass: TaxClass): number {
  return VAT_RATES[country][taxClass];
}

/**
 * Our prices include VAT, so the tax in a gross amount is gross - gross / (1 + rate).
 * Rounded half-up per line; the order total is the sum of the rounded lines, which is what the
 * invoice shows.
 */
export function includedVat(grossMinor: number, ratePercent: number): number {
  if (ratePercent === 0 || grossMinor === 0) return 0;
  const net = grossMinor / (1 + ratePercent / 100);
  return Math.round(grossMinor - net);
}

export function shippingTaxClass(): TaxClass {
  // shipping follows the standard rate everywhere we ship (simplification agreed with finance, CHK-88)
  return "standard";
}
