import type { NextApiHandler, NextApiRequest, NextApiResponse } from "next";
import type { ZodType } from "zod";
import { logger } from "../lib/logger";
import { AppError, toErrorResponse } from "./errors";
import { withRequestId } from "./request-id";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Handler = (req: NextApiRequest, res: NextApiResponse) => Promise<void>;

export function route(handlers: Partial<Record<Method, Handler>>): NextApiHandler {
  return withRequestId(async (req, res) => {
    const handler = handlers[req.method as Method];
    try {
      if (!handler) {
        res.setHeader("allow", Object.keys(handlers).join(", "));
        throw new AppError("method_not_allowed", `${req.method} is not supported here`, 405);
      }
      await handler(req, res);
    } catch (err) {
      const { status, body } = toErrorResponse(err);
      if (status >= 500) {
        logger.error({ err, path: req.url }, "api route failed");
      }
      res.status(status).json(body);
    }
  });
}

export function parseBody<T>(schema: ZodType<T>, req: NextApiRequest): T {
  return schema.parse(req.body);
}

export function queryParam(req: NextApiRequest, name: string): string | undefined {
  const value = req.query[name];
  return Array.isArray(value) ? value[0] : value;
}
