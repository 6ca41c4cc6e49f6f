import express from "express";
import request from "supertest";
import { z } from "zod";
import { HttpProblem, notFound, problemHandler } from "../src/http/problem";
import { correlation } from "../src/http/correlation";

function appThrowing(err: unknown) {
  const app = express();
  app.use(correlation);
  app.get("/boom", (_req, _res, next) => next(err));
  app.use(problemHandler);
  return app;
}

describe("problemHandler", () => {
  it("renders HttpProblem as application/problem+json", async () => {
    const res = await request(appThrowing(notFound("charge", "abc"))).get("/boom");
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.body).toEqual({
      type: "https://docs.acme.example/payments/problems/not-found",
      title: "Resource not found",
      status: 404,
      detail: "charge abc does not exist",
      instance: "/boom",
    });
  });

  it("keeps extension members", async () => {
    const err = new HttpProblem(422, "refund-exceeds-captured", "Unprocessable request", "too much", { remainingMinor: 100 });
    const res = await request(appThrowing(err)).get("/boom");
    expect(res.body.remainingMinor).toBe(100);
  });

  it("maps zod errors to 400 with field paths", async () => {
    const parsed = z.object({ amountMinor: z.number() }).safeParse({ amountMinor: "12" });
    const res = await request(appThrowing(parsed.success ? null : parsed.error)).get("/boom");
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "amountMinor", message: "Expected number, received string" }]);
  });

  it("does not leak the message of unexpected errors", async () => {
    const res = await request(appThrowing(new Error('relation "charges" does not exist')))
      .get("/boom")
      .set("x-correlation-id", "corr-12345678");
    expect(res.status).toBe(500);
    expect(res.body.detail).toBe("Something went wrong. Reference: corr-12345678");
    expect(JSON.stringify(res.body)).not.toContain("relation");
  });
});
