import { describe, expect, it } from "vitest";
import { type Address, formatPostalCode, isPoBox, normalizeAddress, validateAddress } from "./validate-address";

const base: Address = {
  name: "Erika Mustermann",
  line1: "Heidestraße 17",
  city: "Köln",
  postalCode: "51147",
  country: "DE",
};

describe("formatPostalCode", () => {
  it.each([
    ["NL", "1234ab", "1234 AB"],
    ["SE", "11455", "114 55"],
    ["GB", "sw1a1aa", "SW1A 1AA"],
    ["IE", "d02x285", "D02 X285"],
    ["IE", "d6wxy12", "D6W XY12"],
    ["DE", " 10115 ", "10115"],
  ] as const)("formats %s %s as %s", (country, raw, expected) => {
    expect(formatPostalCode(country, raw)).toBe(expected);
  });
});

describe("normalizeAddress", () => {
  it("collapses whitespace and drops empty optional fields", () => {
    const address = normalizeAddress({ ...base, name: "  Erika   Mustermann ", line2: "   " });
    expect(address.name).toBe("Erika Mustermann");
    expect(address.line2).toBeUndefined();
  });

  it("keeps only digits and plus in phone numbers", () => {
    expect(normalizeAddress({ ...base, phone: "+49 (0)221 123-456" }).phone).toBe("+490221123456");
  });
});

describe("validateAddress", () => {
  it("accepts a complete German address", () => {
    expect(validateAddress(base)).toEqual([]);
  });

  it("reports missing required fields", () => {
    const issues = validateAddress({ ...base, city: "", line1: " " });
    expect(issues).toContainEqual({ field: "city", code: "required" });
    expect(issues).toContainEqual({ field: "line1", code: "required" });
  });

  it("rejects a malformed postal code", () => {
    expect(validateAddress({ ...base, postalCode: "5114" })).toEqual([{ field: "postalCode", code: "invalid_format" }]);
  });

  it("accepts lowercase UK postcodes", () => {
    expect(validateAddress({ ...base, country: "GB", city: "London", postalCode: "ec1a 1bb" })).toEqual([]);
  });

  it("rejects unsupported countries before anything else", () => {
    expect(validateAddress({ ...base, country: "US" as Address["country"] })).toEqual([
      { field: "country", code: "unsupported_country" },
    ]);
  });

  it("flags lines longer than the carrier label allows", () => {
    const issues = validateAddress({ ...base, line1: "Sehr lange Straße mit einem sehr langen Namen 123" });
    expect(issues).toContainEqual({ field: "line1", code: "too_long" });
  });

  it("refuses PO boxes for express delivery only", () => {
    const poBox = { ...base, line1: "Postfach 1234" };
    expect(validateAddress(poBox)).toEqual([]);
    expect(validateAddress(poBox, { express: true })).toContainEqual({ field: "line1", code: "not_deliverable" });
  });
});

describe("isPoBox", () => {
  it("does not treat a Packstation as a PO box", () => {
    expect(isPoBox("Packstation 123")).toBe(false);
    expect(isPoBox("P.O. Box 77")).toBe(true);
  });
});
