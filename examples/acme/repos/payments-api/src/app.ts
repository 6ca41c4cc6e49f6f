import express from "express";
import type { Config } from "./config";
import { chargesRouter } from "./charges/charges.routes";
import { refundsRouter } from "./refunds/refunds.routes";
import { paymentsRouter } from "./payments/payments.routes";
import { webhooksRouter } from "./webhooks/webhooks.routes";
import { correlation } from "./http/correlation";
import { problemHandler, notFound } from "./http/problem";
import { requireServiceToken } from "./http/auth";
import { buildProcessors } from "./processors";
import { getPool } from "./db";

export function createApp(config: Config) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", 1);

  app.use(correlation);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/readyz", async (_req, res) => {
    try {
      await getPool().query("SELECT 1");
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "unavailable" });
    }
  });

  const processors = buildProcessors(config);

  // Webhooks need the raw body for signature checks, so they are mounted before express.json().
  app.use("/webhooks", express.raw({ type: "application/json", limit: "256kb" }), webhooksRouter(config));

  app.use(express.json({ limit: "64kb" }));
  app.use(requireServiceToken(config));
  app.use("/charges", chargesRouter(processors, config));
  app.use("/charges/:chargeId/refunds", refundsRouter(processors));
  app.use("/payments", paymentsRouter(processors));

  app.use((req, _res, next) => next(notFound("route", req.path)));
  app.use(problemHandler);
  return app;
}
