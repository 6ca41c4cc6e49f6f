import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { NextApiRequest, NextApiResponse } from "next";

const COOKIE = "sf_cart";
const MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

function secret(): string {
  const value = process.env.CART_COOKIE_SECRET;
  if (!value) throw new Error("CART_COOKIE_SECRET is not set");
  return value;
}

function sign(cartId: string): string {
  return createHmac("sha256", secret()).update(cartId).digest("base64url");
}

export function readCartId(req: NextApiRequest): string | undefined {
  const raw = req.cookies[COOKIE];
  if (!raw) return undefined;
  const [cartId, signature] = raw.split(".");
  if (!cartId || !signature) return undefined;
  const expected = Buffer.from(sign(cartId));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? cartId : undefined;
}

export function issueCartId(res: NextApiResponse): string {
  const cartId = randomUUID();
  const cookie = [
    `${COOKIE}=${cartId}.${sign(cartId)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${MAX_AGE_SECONDS}`,
    process.env.NODE_ENV === "production" ? "Secure" : "",
  ].filter(Boolean);
  res.setHeader("set-cookie", cookie.join("; "));
  return cartId;
}

export function customerIdFrom(req: NextApiRequest): string | undefined {
  // set by the edge after the accounts service validated the session cookie
  const value = req.headers["x-acme-customer-id"];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
