function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 4003),
  databaseUrl: required("DATABASE_URL"),
  cookieDomain: process.env.COOKIE_DOMAIN ?? ".acme.example",
  sessionTtlDays: Number(process.env.SESSION_TTL_DAYS ?? 30),
  passwordResetTtlMinutes: Number(process.env.PASSWORD_RESET_TTL_MINUTES ?? 30),
  notificationsUrl: process.env.NOTIFICATIONS_URL ?? "http://notifications-worker.internal:8090",
  breachCheckUrl: process.env.BREACH_CHECK_URL ?? "https://api.pwnedpasswords.com",
  logLevel: process.env.LOG_LEVEL ?? "info",
};
