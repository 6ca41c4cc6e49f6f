import { Router } from "express";

export const healthRouter = Router();

const startedAt = new Date().toISOString();

healthRouter.get("/healthz", (_req, res) => {
  res.json({ status: "ok", startedAt, version: process.env.GIT_SHA ?? "dev" });
});

healthRouter.get("/readyz", (_req, res) => {
  res.json({ status: "ready" });
});
