import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().positive().default(8080),
  DATABASE_URL: z.string().url(),
  LOG_LEVEL: z.enum(["error", "warn", "info", "http", "debug"]).default("info"),

  ADYEN_API_URL: z.string().url().default("https://checkout-test.adyen.com/v71"),
  ADYEN_API_KEY: z.string().min(1),
  ADYEN_MERCHANT_ACCOUNT: z.string().min(1),
  ADYEN_HMAC_KEY: z.string().min(1),

  STRIPE_API_URL: z.string().url().default("https://api.stripe.com/v1"),
  STRIPE_SECRET_KEY: z.string().min(1),
  STRIPE_WEBHOOK_SECRET: z.string().min(1),

  FX_API_URL: z.string().url().default("https://fx.internal.acme.example"),
  FX_MAX_AGE_MINUTES: z.coerce.number().int().positive().default(60),

  // comma separated "name:token" pairs, e.g. "web-checkout:abc,ops-console:def"
  SERVICE_TOKENS: z.string().default(""),

  FRAUD_REVIEW_THRESHOLD: z.coerce.number().min(0).max(100).default(60),
  FRAUD_BLOCK_THRESHOLD: z.coerce.number().min(0).max(100).default(85),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (cached && env === process.env) return cached;
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid configuration: ${problems}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}

export function serviceTokens(config: Config): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const pair of config.SERVICE_TOKENS.split(",")) {
    const [name, token] = pair.split(":").map((s) => s.trim());
    if (name && token) tokens.set(token, name);
  }
  return tokens;
}
