import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import { enterTrace, extractTrace, formatTraceparent } from "@acme/platform-kit";
import Fastify, { type FastifyInstance } from "fastify";
import { config } from "./config.js";
import { registerErrorHandler } from "./http/error-handler.js";
import { healthRoutes } from "./routes/health.js";
import { passwordResetRoutes } from "./routes/password-reset.js";
import { profileRoutes } from "./routes/profile.js";
import { sessionRoutes } from "./routes/sessions.js";
import { signupRoutes } from "./routes/signup.js";

export async function buildServer(): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ["req.headers.cookie", "req.headers.authorization", "res.headers['set-cookie']"],
    },
    trustProxy: true,
    bodyLimit: 16 * 1024,
  });

  app.addHook("onRequest", async (request, reply) => {
    const trace = extractTrace(request.headers);
    enterTrace(trace);
    void reply.header("traceparent", formatTraceparent(trace));
    if (trace.requestId) void reply.header("x-request-id", trace.requestId);
  });

  registerErrorHandler(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });

  await app.register(healthRoutes);
  await app.register(signupRoutes);
  await app.register(sessionRoutes);
  await app.register(passwordResetRoutes);
  await app.register(profileRoutes);

  return app;
}
