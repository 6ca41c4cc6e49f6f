import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { getPool } from "../db";
import { asyncHandler } from "../http/async-handler";
import { HttpProblem } from "../http/problem";

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const TTL_HOURS = 24;

interface StoredResponse {
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
}

function hashRequest(req: Request): string {
  return createHash("sha256").update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body)}`).digest("hex");
}

/**
 * Idempotency-Key handling for POSTs that create money movements. The first request with a key
 * reserves it; replays get the stored response; a different body with the same key is a 422.
 */
export function idempotent() {
  return asyncHandler(async (req: Request, res: Response, next: NextFunction) => {
    const key = req.header("idempotency-key");
    if (!key) return next(new HttpProblem(400, "idempotency-key-required", "Idempotency-Key header is required"));
    if (!KEY_PATTERN.test(key)) return next(new HttpProblem(400, "idempotency-key-invalid", "Malformed Idempotency-Key"));

    const caller = String(res.locals.caller ?? "anonymous");
    const requestHash = hashRequest(req);
    const pool = getPool();

    const inserted = await pool.query(
      `INSERT INTO idempotency_keys (caller, key, request_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4))
       ON CONFLICT (caller, key) DO NOTHING`,
      [caller, key, requestHash, TTL_HOURS],
    );

    if (inserted.rowCount === 0) {
      const { rows } = await pool.query<StoredResponse>(
        "SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE caller = $1 AND key = $2",
        [caller, key],
      );
      const stored = rows[0];
      if (!stored) return next(new HttpProblem(409, "idempotency-key-expired", "Key expired while in use"));
      if (stored.request_hash !== requestHash) {
        return next(new HttpProblem(422, "idempotency-key-reused", "Key was used with a different request"));
      }
      if (stored.status_code === null) {
        return next(new HttpProblem(409, "request-in-progress", "A request with this key is still running"));
      }
      res.setHeader("idempotent-replayed", "true");
      return res.status(stored.status_code).json(stored.response_body);
    }

    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      void pool
        .query("UPDATE idempotency_keys SET status_code = $3, response_body = $4 WHERE caller = $1 AND key = $2", [
          caller,
          key,
          res.statusCode,
          JSON.stringify(body),
        ])
        .catch(() => undefined);
      return json(body);
    };
    next();
  });
}
