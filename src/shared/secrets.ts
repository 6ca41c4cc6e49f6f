/**
 * Secrets in scanned code, found and masked before any of that code's text reaches an output: API keys
 * and tokens by their published shapes (the same ones gitleaks, secretlint and detect-secrets look for),
 * private key blocks, passwords in URLs, and `password = "…"`-style assignments of a secret-looking value.
 * A mask keeps at most the part of a match that says what it was (`AKIA****`, `ghp_****`, the URL's user,
 * the variable's name), never a character of the secret. Masking keeps line breaks where they were, so a
 * masked file has the same lines, and masked text is left as it is when masked again.
 *
 * Every pattern here has bounded repetitions only: none can backtrack catastrophically (a test runs each
 * through recheck). Pure: no I/O.
 */

export type SecretKind =
  | "aws-access-key-id"
  | "github-token"
  | "slack-token"
  | "slack-webhook"
  | "stripe-key"
  | "google-api-key"
  | "jwt"
  | "private-key"
  | "url-password"
  | "assigned-secret";

export const MASK = "****";

interface ShapeRule {
  kind: SecretKind;
  /** Global; the first group, when there is one, is the part kept in front of the mask. */
  pattern: RegExp;
  /** The whole match, masked; null leaves it as it is (a look-alike that is no secret). */
  mask(match: string, groups: (string | undefined)[]): string | null;
}

const keepPrefix = (_match: string, groups: (string | undefined)[]) => `${groups[0] ?? ""}${MASK}`;

/** Variable names that say their value is a secret, compared lowercased with `_`, `-` and `.` removed. */
const SECRET_NAME =
  /passw|pwd|passphrase|secret|token|apikey|accesskey|privatekey|signingkey|encryptionkey|masterkey|credential|auth(?!or)/;
/** Of those, the ones that name a password: any value that is not a plain word is taken for one. */
const PASSWORD_NAME = /passw|pwd|passphrase/;

/** Shannon entropy of a string, in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Whether a quoted value assigned to a secret-sounding name is itself a secret: for a password, anything
 * of 6 or more characters that is more than letters (`hunter22`, `Tr0ub4dor&3`, not `password-input`); for
 * a key, token or secret, 16 or more characters with letters and digits and at least 3.5 bits of entropy
 * per character (`x-auth-token` or `Bearer` is a name, not a secret). Masked values are never secrets.
 */
export function isAssignedSecret(name: string, value: string): boolean {
  const normal = name.toLowerCase().replace(/[-_.]/g, "");
  if (!SECRET_NAME.test(normal) || value.includes("*")) return false;
  if (PASSWORD_NAME.test(normal)) return value.length >= 6 && /[^A-Za-z_-]/.test(value);
  return value.length >= 16 && /\d/.test(value) && /[A-Za-z]/.test(value) && entropy(value) >= 3.5;
}

/**
 * The shapes, most specific first: a token inside an assignment is masked by its shape (keeping its
 * prefix) before the assignment rule sees it, and then no longer looks like a secret.
 */
const SHAPES: ShapeRule[] = [
  {
    // user:password@ in any URL (postgres://, mongodb+srv://, https://, amqp://, redis://…): the user stays.
    kind: "url-password",
    pattern: /\b([a-z][a-z0-9+.-]{1,30}:\/\/[^\s:/?#@"'`<>]{0,256}:)([^\s/?#@"'`<>]{1,256})@/gi,
    mask: (_match, groups) => (groups[1]?.startsWith(MASK) ? null : `${groups[0]}${MASK}@`),
  },
  {
    kind: "aws-access-key-id",
    pattern: /\b(AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g,
    mask: keepPrefix,
  },
  { kind: "github-token", pattern: /\b(gh[pousr]_)[A-Za-z0-9]{36,255}\b/g, mask: keepPrefix },
  { kind: "github-token", pattern: /\b(github_pat_)[A-Za-z0-9_]{22,255}/g, mask: keepPrefix },
  { kind: "slack-token", pattern: /\b(xox[abposr]-)[A-Za-z0-9-]{10,255}/g, mask: keepPrefix },
  {
    kind: "slack-webhook",
    pattern: /(hooks\.slack\.com\/(?:services|workflows)\/)[A-Za-z0-9/_-]{16,255}/g,
    mask: keepPrefix,
  },
  { kind: "stripe-key", pattern: /\b([sr]k_(?:live|test|prod)_)[A-Za-z0-9]{10,255}/g, mask: keepPrefix },
  { kind: "google-api-key", pattern: /\b(AIza)[A-Za-z0-9_-]{35}/g, mask: keepPrefix },
  {
    kind: "jwt",
    pattern: /\b(eyJ)[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{0,4096}/g,
    mask: keepPrefix,
  },
  {
    // name = "value", name: 'value', name := `value`, "name": "value", name => "value", name == "value".
    kind: "assigned-secret",
    pattern:
      /\b([A-Za-z_]\w{0,80})(["']?[ \t]{0,8}(?::=|=>|===?|!==?|:|=)[ \t]{0,8})(?:"([^"\s\\]{6,256})"|'([^'\s\\]{6,256})'|`([^`\s\\]{6,256})`)/g,
    mask: (match, groups) => {
      const [name = "", operator = ""] = groups;
      const value = groups[2] ?? groups[3] ?? groups[4] ?? "";
      if (!isAssignedSecret(name, value)) return null;
      const quote = match.charAt(name.length + operator.length);
      return `${name}${operator}${quote}${MASK}${quote}`;
    },
  },
];

const PRIVATE_KEY_BEGIN = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const PRIVATE_KEY_END = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
/** A key's body has runs of base64; code between two markers (`") && s.includes("`) has none. */
const KEY_BODY = /[A-Za-z0-9+/]{16}/;
/** No line of a key's body is longer (with the quotes and escapes of code around it). */
const MAX_KEY_LINE = 4_400;
/** A line of a key's body, once quotes, `\n` escapes, `+`, commas and spaces are taken out. */
const BASE64_LINE = /^(?:[A-Za-z0-9/=]{16,4096}|(?:Proc-Type|DEK-Info|Comment):[^\n]{0,200})$/;

/**
 * What every secret above has in it (a scheme's `://`, a known prefix, a quote around an assigned value,
 * a key's header): text with none of these is returned as it is without running the rules, which most of
 * a result's strings (names, paths, ids) are.
 */
const MAY_HOLD_SECRET =
  /:\/\/|A(?:KIA|SIA|BIA|CCA|3T)|gh[pousr]_|github_pat_|xox[abposr]-|hooks\.slack|k_(?:live|test|prod)_|AIza|eyJ|PRIVATE KEY|["'`]/;

/** Every regex this module runs, for the test that holds each safe from catastrophic backtracking. */
export const SECRET_PATTERNS: readonly RegExp[] = [
  MAY_HOLD_SECRET,
  ...SHAPES.map((rule) => rule.pattern),
  PRIVATE_KEY_BEGIN,
  PRIVATE_KEY_END,
  KEY_BODY,
  BASE64_LINE,
];

export interface SecretMatch {
  kind: SecretKind;
  start: number;
  end: number;
}

/**
 * Private key blocks: from `-----BEGIN … PRIVATE KEY-----` to its `-----END … PRIVATE KEY-----`, the body
 * masked line by line (line breaks kept), the markers left to say what was there. With no END (a block
 * cut short), the lines after BEGIN that could be its body are masked.
 */
function privateKeyBlocks(text: string): SecretMatch[] {
  if (!text.includes("PRIVATE KEY")) return [];
  const ends = [...text.matchAll(PRIVATE_KEY_END)].map((match) => match.index);
  const found: SecretMatch[] = [];
  let next = 0; // the first END not yet passed: BEGINs come in order, so each END is looked at once
  PRIVATE_KEY_BEGIN.lastIndex = 0;
  for (let head = PRIVATE_KEY_BEGIN.exec(text); head; head = PRIVATE_KEY_BEGIN.exec(text)) {
    const bodyStart = head.index + head[0].length;
    while (next < ends.length && (ends[next] as number) < bodyStart) next++;
    let end = ends[next] ?? -1;
    if (end === -1) {
      // No END: the body is the lines that look like one, to the first that does not.
      let seen = bodyStart;
      for (let from = bodyStart; from < text.length; ) {
        const lineEnd = text.indexOf("\n", from);
        const to = lineEnd === -1 ? text.length : lineEnd + 1;
        if (to - from > MAX_KEY_LINE) break;
        const bare = text
          .slice(from, to)
          .replace(/\\[nr]/g, "")
          .replace(/[\s"'`+,;]/g, "");
        if (bare !== "" && !BASE64_LINE.test(bare)) break;
        from = to;
        if (bare !== "") seen = to;
      }
      end = seen;
    }
    if (KEY_BODY.test(text.slice(bodyStart, end).replace(/\\[nr]/g, ""))) {
      found.push({ kind: "private-key", start: bodyStart, end });
    }
    PRIVATE_KEY_BEGIN.lastIndex = Math.max(end, bodyStart);
  }
  return found;
}

const maskBody = (body: string) => body.replace(/[^\r\n]+/g, MASK);

function maskPrivateKeys(text: string): string {
  if (!text.includes("PRIVATE KEY")) return text;
  const blocks = privateKeyBlocks(text);
  if (blocks.length === 0) return text;
  let out = "";
  let from = 0;
  for (const block of blocks) {
    out += text.slice(from, block.start) + maskBody(text.slice(block.start, block.end));
    from = block.end;
  }
  return out + text.slice(from);
}

/** Where the secrets in a text are, by kind (private key bodies, then shapes, in order of the rules). */
export function findSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = privateKeyBlocks(text);
  for (const rule of SHAPES) {
    for (const match of text.matchAll(rule.pattern)) {
      if (rule.mask(match[0], match.slice(1)) === null) continue;
      found.push({ kind: rule.kind, start: match.index, end: match.index + match[0].length });
    }
  }
  return found;
}

/** The text with every secret masked. Line breaks stay where they were; masking twice changes nothing. */
export function maskSecrets(text: string): string {
  if (text.length < 6 || !MAY_HOLD_SECRET.test(text)) return text;
  let out = maskPrivateKeys(text);
  for (const rule of SHAPES) {
    out = out.replace(rule.pattern, (match, ...rest) => {
      const groups = rest.slice(0, -2) as (string | undefined)[];
      return rule.mask(match, groups) ?? match;
    });
  }
  return out;
}

/**
 * Keys whose strings are this machine's own places or git's object ids, not text from scanned code:
 * left as they are, so a masked result still finds its files and blobs.
 */
const KEPT_KEYS = new Set(["root", "configFile", "blob", "commit", "mergeBase"]);

/**
 * A JSON-like value (a scan, check or trend result) with every string in it masked: whatever text from
 * scanned code a stage carried into it (parameter values, evidence, names, commit subjects, messages) is
 * masked in every output drawn from it. Object keys are the schema's or the config's, and kept.
 */
export function maskSecretsDeep<T>(value: T): T {
  return maskValue(value) as T;
}

function maskValue(value: unknown): unknown {
  if (typeof value === "string") return maskSecrets(value);
  if (Array.isArray(value)) return value.map(maskValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = KEPT_KEYS.has(key) ? inner : maskValue(inner);
    }
    return out;
  }
  return value;
}
