import { createLogger } from "@acme/platform-kit";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { isAxiosError } from "axios";
import { sendError } from "./errors";
import { categoriesRouter } from "./routes/categories";
import { healthRouter } from "./routes/health";
import { inventoryRouter } from "./routes/inventory";
import { productsRouter } from "./routes/products";
import { reviewsRouter } from "./routes/reviews";
import { searchRouter } from "./routes/search";
import { traceMiddleware } from "./tracing";

const logger = createLogger({ service: "catalog-bff" });

export function createServer() {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", true);
  app.use(compression());
  app.use(traceMiddleware);

  app.use(healthRouter);
  app.use("/api", searchRouter, productsRouter, categoriesRouter, inventoryRouter, reviewsRouter);

  app.use((_req: Request, res: Response) => {
    sendError(res, 404, "no such endpoint");
  });

  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  app.use((err: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    if (err.status && err.status < 500) {
      sendError(res, err.status, err.message);
      return;
    }
    if (isAxiosError(err)) {
      logger.error("upstream failure", { path: req.path, status: err.response?.status, code: err.code });
      sendError(res, err.code === "ECONNABORTED" ? 504 : 502, "an upstream service did not answer");
      return;
    }
    logger.error("unhandled error", { path: req.path, err });
    sendError(res, 500, "something went wrong");
  });

  return app;
}
