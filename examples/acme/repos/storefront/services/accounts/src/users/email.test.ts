import { describe, expect, it } from "vitest";
import { isPlausibleEmail, normalizeEmail } from "./email.js";

describe("normalizeEmail", () => {
  it("lowercases and trims", () => {
    expect(normalizeEmail("  Erika@Example.COM ")).toBe("erika@example.com");
  });

  it("folds Gmail dots and +tags", () => {
    expect(normalizeEmail("Erika.Muster+shop@googlemail.com")).toBe("erikamuster@gmail.com");
  });

  it("keeps dots and tags for other providers", () => {
    expect(normalizeEmail("erika.muster+shop@posteo.de")).toBe("erika.muster+shop@posteo.de");
  });
});

describe("isPlausibleEmail", () => {
  it("accepts ordinary addresses and rejects obvious typos", () => {
    expect(isPlausibleEmail("erika@example.com")).toBe(true);
    expect(isPlausibleEmail("erika@example")).toBe(false);
    expect(isPlausibleEmail("erika example.com")).toBe(false);
  });
});
