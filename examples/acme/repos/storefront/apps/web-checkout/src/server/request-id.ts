import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { NextApiHandler, NextApiRequest } from "next";

const HEADER = "x-request-id";
// ids come from the CDN or from other services; anything else is replaced rather than trusted
const VALID_ID = /^[A-Za-z0-9._-]{8,128}$/;

const storage = new AsyncLocalStorage<string>();

export function getRequestId(): string | undefined {
  return storage.getStore();
}

function incomingId(req: NextApiRequest): string | undefined {
  const value = req.headers[HEADER];
  const id = Array.isArray(value) ? value[0] : value;
  return id && VALID_ID.test(id) ? id : undefined;
}

export function withRequestId(handler: NextApiHandler): NextApiHandler {
  return (req, res) => {
    const id = incomingId(req) ?? randomUUID();
    res.setHeader(HEADER, id);
    return storage.run(id, () => handler(req, res));
  };
}
