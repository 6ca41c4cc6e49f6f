/**
 * Secrets of every kind lineitem masks, well-formed but fake. Each is put together from pieces so that this
 * file does not itself hold a string a secret scanner would flag.
 */
const join = (...parts: string[]) => parts.join("");

export interface Planted {
  kind: string;
  /** The secret as written in the code. */
  secret: string;
  /** The part of it no output may carry (the secret without the prefix a mask keeps). */
  hidden: string[];
  /** What the masked text shows in its place. */
  masked: string;
}

const awsKeyId = join("AKIA", "QX7RTZ2M5VWN3KPL");
const awsSecret = join("wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYQ3XbW8z1Lk");
const githubToken = join("ghp", "_", "R8mK2vQ9xL4tZ7nB1cW6yH3jD5fS0aPe", "Gu1q");
const slackToken = join("xoxb", "-", "2048613920-7731056284-", "Zq8RkT3vLm9XcWp2NbYd");
const stripeKey = join("sk", "_live_", "51Hx9Kq2LmZ8RtV4bN7cP0wYq");
const googleKey = join("AIza", "SyB3k9Xq2LmZ8RtV4bN7cP0wYqT6uJ1dE5f");
const jwtPayload = "eyJzdWIiOiJyZXRyeS1zZXJ2aWNlIiwiaWF0IjoxNzAwMDAwMDAwfQ";
const jwtSignature = "Qm9ndXNTaWduYXR1cmVGb3JUZXN0czEyMzQ1Ng";
const jwt = join("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", ".", jwtPayload, ".", jwtSignature);
const keyLines = [
  "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
  "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK",
  "LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo",
];
const privateKey = [
  join("-----BEGIN RSA ", "PRIVATE KEY-----"),
  ...keyLines,
  join("-----END RSA ", "PRIVATE KEY-----"),
].join("\n");
const dbPassword = join("S3cr3t", "PgPass2024");
const dbUrl = join("postgres://orders_svc:", dbPassword, "@db.orders.internal:5432/orders");
const apiPassword = join("Hunter2-", "Correct-Batt3ry");
const basicAuthPassword = join("q9Wz", "T4vKp7Lm");

export const PLANTED = {
  awsKeyId: { kind: "AWS access key id", secret: awsKeyId, hidden: [awsKeyId.slice(4)], masked: "AKIA****" },
  awsSecret: {
    kind: "AWS secret access key",
    secret: awsSecret,
    hidden: [awsSecret, awsSecret.slice(0, 20), awsSecret.slice(20)],
    masked: 'awsSecretAccessKey = "****"',
  },
  githubToken: {
    kind: "GitHub token",
    secret: githubToken,
    hidden: [githubToken.slice(4)],
    masked: "ghp_****",
  },
  slackToken: { kind: "Slack token", secret: slackToken, hidden: [slackToken.slice(5)], masked: "xoxb-****" },
  stripeKey: {
    kind: "Stripe key",
    secret: stripeKey,
    hidden: [stripeKey.slice(8)],
    masked: `${stripeKey.slice(0, 8)}****`,
  },
  googleKey: {
    kind: "Google API key",
    secret: googleKey,
    hidden: [googleKey.slice(4)],
    masked: "AIza****",
  },
  jwt: { kind: "JWT", secret: jwt, hidden: [jwtPayload, jwtSignature], masked: "eyJ****" },
  privateKey: {
    kind: "private key block",
    secret: privateKey,
    hidden: keyLines.map((line) => line.slice(8, 48)),
    masked: join("-----BEGIN RSA ", "PRIVATE KEY-----"),
  },
  dbUrl: {
    kind: "password in a database URL",
    secret: dbUrl,
    hidden: [dbPassword],
    masked: "postgres://orders_svc:****@db.orders.internal:5432/orders",
  },
  apiPassword: {
    kind: 'password = "…"',
    secret: apiPassword,
    hidden: [apiPassword],
    masked: 'password = "****"',
  },
  basicAuthPassword: {
    kind: "password in an HTTPS base URL",
    secret: basicAuthPassword,
    hidden: [basicAuthPassword],
    masked: "https://billing-bot:****@api.payments.example",
  },
} satisfies Record<string, Planted>;

/** Every secret's hidden parts, with what they are, for grepping an output. */
export const HIDDEN: { kind: string; text: string }[] = Object.values(PLANTED).flatMap((planted) =>
  planted.hidden.map((text) => ({ kind: planted.kind, text })),
);

/** Every 8-character piece of each hidden part: a word list, a cut line or a lower-cased copy shows one. */
const PIECES = HIDDEN.flatMap(({ kind, text }) =>
  Array.from({ length: Math.max(1, text.length - 7) }, (_, at) => ({
    kind,
    piece: text.slice(at, at + 8).toLowerCase(),
  })),
);

/** The planted secrets an output carries any 8 characters of, case-insensitively. */
export function leaksIn(output: string): string[] {
  const lower = output.toLowerCase();
  const found = PIECES.filter(({ piece }) => lower.includes(piece));
  return [...new Set(found.map(({ kind, piece }) => `${kind} (…${piece.slice(0, 3)}…)`))];
}
