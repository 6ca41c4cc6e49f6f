import { checkSync } from "recheck";
import { describe, expect, it } from "vitest";
import { leaksIn, PLANTED } from "../../test/helpers/secrets.js";
import { findSecrets, isAssignedSecret, maskSecrets, maskSecretsDeep, SECRET_PATTERNS } from "./secrets.js";

const P = PLANTED;

describe("maskSecrets", () => {
  it.each([
    ["AWS access key id", `const keyId = "${P.awsKeyId.secret}";`, `const keyId = "AKIA****";`],
    [
      "AWS secret",
      `const awsSecretAccessKey = "${P.awsSecret.secret}";`,
      'const awsSecretAccessKey = "****";',
    ],
    ["Python secret", `aws_secret_access_key = '${P.awsSecret.secret}'`, "aws_secret_access_key = '****'"],
    ["GitHub token", `// token: ${P.githubToken.secret}`, "// token: ghp_****"],
    ["Slack token", `slack.auth("${P.slackToken.secret}")`, 'slack.auth("xoxb-****")'],
    ["Stripe key", `Stripe("${P.stripeKey.secret}")`, `Stripe("${P.stripeKey.masked}")`],
    ["Google API key", `key=${P.googleKey.secret}&q=1`, "key=AIza****&q=1"],
    ["JWT", `Bearer ${P.jwt.secret}`, "Bearer eyJ****"],
    ["database URL", `DATABASE_URL = "${P.dbUrl.secret}"`, `DATABASE_URL = "${P.dbUrl.masked}"`],
    ["password", `password = "${P.apiPassword.secret}"`, 'password = "****"'],
    ["Go struct field", `Password: "${P.apiPassword.secret}",`, 'Password: "****",'],
    ["JSON key", `{"client_secret": "${P.awsSecret.secret}"}`, '{"client_secret": "****"}'],
    ["Ruby hash", `:password => '${P.apiPassword.secret}'`, ":password => '****'"],
  ])("%s", (_kind, text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
    expect(leaksIn(maskSecrets(text))).toEqual([]);
  });

  it("masks a private key block whole, across lines, keeping every line break", () => {
    const text = `const key = \`${P.privateKey.secret}\`;\nexport default key;\n`;
    const masked = maskSecrets(text);
    expect(leaksIn(masked)).toEqual([]);
    expect(masked.split("\n")).toHaveLength(text.split("\n").length);
    expect(masked).toContain(P.privateKey.masked);
    expect(masked).toContain("export default key;");
  });

  it("masks a key written as concatenated strings, or cut short before its END", () => {
    const lines = P.privateKey.secret.split("\n");
    const concatenated = lines.map((line) => `  "${line}\\n" +`).join("\n");
    expect(leaksIn(maskSecrets(concatenated))).toEqual([]);
    const cut = `${lines.slice(0, 3).join("\n")}\nfunction next() { return 1; }`;
    const masked = maskSecrets(cut);
    expect(leaksIn(masked)).toEqual([]);
    expect(masked).toContain("function next() { return 1; }");
  });

  it("leaves code about keys, tokens and passwords alone when it holds none", () => {
    for (const text of [
      'const header = "-----BEGIN RSA PRIVATE KEY-----";',
      'if (s.includes("-----BEGIN PRIVATE KEY-----") && s.includes("-----END PRIVATE KEY-----")) parse(s);',
      'const tokenHeader = "x-auth-token";',
      'const passwordField = "password-input";',
      'headers: { authorization: "Bearer" }',
      "const url = `https://api.example.com:8443/v1?user=a@b`;",
      "retry(fn, { attempts: 5, baseDelayMs: 200 })",
      "const cacheKey = `user:$" + "{id}:profile`;",
    ]) {
      expect(maskSecrets(text)).toBe(text);
      expect(findSecrets(text)).toEqual([]);
    }
  });

  it("is idempotent, and finds what it masks", () => {
    const all = Object.values(P)
      .map((p) => `x = "${p.secret}"`)
      .join("\n");
    const once = maskSecrets(all);
    expect(maskSecrets(once)).toBe(once);
    expect(findSecrets(once)).toEqual([]);
    expect(new Set(findSecrets(all).map((m) => m.kind)).size).toBeGreaterThanOrEqual(8);
  });

  it("tells a password from a name: any value that is more than letters", () => {
    expect(isAssignedSecret("dbPassword", "hunter22")).toBe(true);
    expect(isAssignedSecret("dbPassword", "DB_PASSWORD")).toBe(false);
    expect(isAssignedSecret("apiToken", "abc")).toBe(false);
    expect(isAssignedSecret("apiToken", "k3J9xQ2mZ8vL4tR7wN1b")).toBe(true);
    expect(isAssignedSecret("timeoutMs", "k3J9xQ2mZ8vL4tR7wN1b")).toBe(false);
  });

  it("stays linear on input built to make it backtrack", () => {
    const hostile = [
      "-----BEGIN PRIVATE KEY-----".repeat(20_000),
      "-----BEGIN PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHC\n".repeat(20_000),
      `password = "${"a".repeat(200_000)}`,
      `postgres://${"u".repeat(100_000)}:${"p".repeat(100_000)}`,
      `eyJ${"a".repeat(100_000)}.eyJ${"b".repeat(100_000)}`,
      "a.".repeat(100_000),
      "a:".repeat(100_000),
      "ab://a:".repeat(50_000),
    ].join("\n");
    const started = performance.now();
    maskSecrets(hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

it("masks every string of a result but the places it reads from", () => {
  const result = {
    root: "/home/ann/src/AKIAQX7RTZ2M5VWN3KPL",
    blob: "0123456789abcdef0123456789abcdef01234567",
    parameters: { baseUrl: { value: P.dbUrl.secret, display: P.dbUrl.secret, line: 3 } },
    evidence: [`literal:${P.githubToken.secret}`],
    count: 3,
    none: null,
  };
  const masked = maskSecretsDeep(result);
  expect(masked.root).toBe(result.root);
  expect(masked.blob).toBe(result.blob);
  expect(masked.parameters.baseUrl).toEqual({ value: P.dbUrl.masked, display: P.dbUrl.masked, line: 3 });
  expect(masked.evidence).toEqual(["literal:ghp_****"]);
  expect(masked.count).toBe(3);
  expect(masked.none).toBeNull();
});

it("every secret pattern is safe from catastrophic backtracking", () => {
  for (const pattern of SECRET_PATTERNS) {
    const flags = pattern.flags.replace(/[gy]/g, "");
    const exact = checkSync(pattern.source, flags, { checker: "automaton", timeout: 10_000 }).status;
    const status =
      exact !== "unknown"
        ? exact
        : checkSync(pattern.source, flags, { randomSeed: 0, timeout: 10_000 }).status;
    expect(status, `/${pattern.source}/${pattern.flags}`).toBe("safe");
  }
}, 60_000);
