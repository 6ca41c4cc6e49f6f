import type { FastifyInstance } from "fastify";
import { pool } from "../db.js";

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get("/healthz", { logLevel: "silent" }, async () => ({ status: "ok" }));

  app.get("/readyz", { logLevel: "silent" }, async (_request, reply) => {
    try {
      await pool.query("select 1");
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "database unavailable" });
    }
  });
}
