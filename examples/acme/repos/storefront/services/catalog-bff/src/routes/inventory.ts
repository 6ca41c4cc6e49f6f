import { Router } from "express";
import { getStock } from "../clients/inventory-api";
import { config } from "../config";
import { BadRequest } from "../errors";
import { availabilityFor } from "../inventory/availability";
import { asyncRoute } from "./async-route";

export const inventoryRouter = Router();

const MAX_SKUS = 200;

inventoryRouter.get(
  "/availability",
  asyncRoute(async (req, res) => {
    const raw = typeof req.query.skus === "string" ? req.query.skus : "";
    const skus = raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (skus.length === 0) {
      throw new BadRequest("pass one or more SKUs as ?skus=A,B");
    }
    if (skus.length > MAX_SKUS) {
      throw new BadRequest(`at most ${MAX_SKUS} SKUs per request`);
    }
    const rows = await getStock(skus);
    // stock changes quickly; let the CDN absorb bursts on one product page only
    res.set("cache-control", "public, max-age=15");
    res.json({ items: availabilityFor(skus, rows, config.lowStockThreshold) });
  }),
);
