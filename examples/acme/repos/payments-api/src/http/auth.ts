import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { type Config, serviceTokens } from "../config";
import { HttpProblem } from "./problem";

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Internal callers (web-checkout, the ops console) authenticate with a static bearer token each.
 * The caller's name ends up in res.locals.caller and in audit events as the actor.
 */
export function requireServiceToken(config: Config) {
  const tokens = serviceTokens(config);
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.header("authorization") ?? "";
    const [scheme, token] = header.split(" ");
    if (scheme !== "Bearer" || !token) {
      return next(new HttpProblem(401, "unauthenticated", "Missing bearer token"));
    }
    for (const [known, caller] of tokens) {
      if (sameToken(known, token)) {
        res.locals.caller = caller;
        return next();
      }
    }
    return next(new HttpProblem(403, "forbidden", "Unknown service token"));
  };
}
