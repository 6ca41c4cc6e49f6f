import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { DomainError, registerErrorHandler } from "./error-handler.js";

async function app() {
  const server = Fastify();
  registerErrorHandler(server);
  server.post(
    "/things",
    {
      schema: {
        body: {
          type: "object",
          required: ["name", "address"],
          properties: {
            name: { type: "string", minLength: 2 },
            address: { type: "object", required: ["postalCode"], properties: { postalCode: { type: "string" } } },
          },
        },
      },
    },
    async () => ({ ok: true }),
  );
  server.get("/domain", async () => {
    throw new DomainError("email_taken", "An account with this email already exists.", 409, "email");
  });
  server.get("/boom", async () => {
    throw new Error("connection string postgres://user:secret@db leaked");
  });
  return server;
}

describe("error handler", () => {
  it("reports each validation issue with its field", async () => {
    const res = await (await app()).inject({ method: "POST", url: "/things", payload: { name: "x", address: {} } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "invalid_minLength", field: "name" }),
        expect.objectContaining({ code: "invalid_required", field: "address.postalCode" }),
      ]),
    );
  });

  it("passes domain errors through", async () => {
    const res = await (await app()).inject({ method: "GET", url: "/domain" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      errors: [{ code: "email_taken", message: "An account with this email already exists.", field: "email" }],
    });
  });

  it("hides the message of unexpected errors", async () => {
    const res = await (await app()).inject({ method: "GET", url: "/boom" });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain("secret");
  });

  it("answers unknown routes in the same shape", async () => {
    const res = await (await app()).inject({ method: "GET", url: "/nope" });
    expect(res.json().errors[0].code).toBe("not_found");
  });
});
