import type { Request } from "express";

const MARKETS = new Set(["de", "at", "fr", "nl", "be", "se", "dk", "gb", "ie"]);

/** The CDN sets x-acme-market from the domain; default to Germany for direct calls. */
export function marketFrom(req: Request): string {
  const market = (req.header("x-acme-market") ?? "de").toLowerCase();
  return MARKETS.has(market) ? market : "de";
}
