import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, hashPassword, needsRehash, verifyPassword } from "./password.js";

describe("checkPasswordPolicy", () => {
  it("asks for at least ten characters", () => {
    expect(checkPasswordPolicy("short", "a@b.example")).toBe("too_short");
  });

  it("refuses the email or its local part", () => {
    expect(checkPasswordPolicy("erika.muster", "erika.muster@example.com")).toBe("same_as_email");
  });

  it("refuses common passwords regardless of case", () => {
    expect(checkPasswordPolicy("Password123", "a@b.example")).toBe("too_common");
  });

  it("accepts a long passphrase without symbols", () => {
    expect(checkPasswordPolicy("correct horse battery staple", "a@b.example")).toBeNull();
  });
});

describe("hashPassword / verifyPassword", () => {
  it("verifies the right password only", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored.startsWith("scrypt$32768$8$1$")).toBe(true);
    await expect(verifyPassword("correct horse battery staple", stored)).resolves.toBe(true);
    await expect(verifyPassword("correct horse battery stapler", stored)).resolves.toBe(false);
  });

  it("treats composed and decomposed unicode the same", async () => {
    const stored = await hashPassword("Grüße aus Köln!");
    await expect(verifyPassword("Gru\u0308ße aus Ko\u0308ln!", stored)).resolves.toBe(true);
  });

  it("rejects malformed hashes instead of throwing", async () => {
    await expect(verifyPassword("whatever", "bcrypt$10$abc")).resolves.toBe(false);
  });

  it("flags hashes made with weaker parameters", () => {
    expect(needsRehash("scrypt$16384$8$1$c2FsdA==$aGFzaA==")).toBe(true);
  });
});
