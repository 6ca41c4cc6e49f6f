// Shared helpers for turning literal source text into values.

// A type suffix may follow: JS BigInt `10n`, JVM/C# `100L`, `1.5f`, `10UL`, C# decimal `1.5m`.
const NUMBER_SOURCE = String.raw`(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.[\d_]*)?(?:[eE][-+]?\d+)?|\.\d[\d_]*(?:[eE][-+]?\d+)?)(?:n|[uU]?[lL]{1,2}|[lL]?[uU]|[fFdDmM])?`;
const OPERATOR_SOURCE = String.raw`(?:\*\*|\/\/|<<|>>>?|[-+*\/%&|^])`;

/**
 * A pattern for "arithmetic over literals" (`30 * 1000`, `2 ** 10`, `-(1 + 2)`): numbers joined by
 * arithmetic operators, optionally with parentheses and signs. `operand` may widen what counts as a
 * constant operand (Go: `time.Second`). It must match at least one number.
 */
export function constantExpressionPattern(extraOperand?: string): RegExp {
  const operand = extraOperand === undefined ? NUMBER_SOURCE : `(?:${NUMBER_SOURCE}|${extraOperand})`;
  const term = String.raw`(?:[-+~(]\s*)*${operand}\s*(?:\)\s*)*`;
  return new RegExp(String.raw`^\s*(?=[\s\S]*\d)${term}(?:${OPERATOR_SOURCE}\s*${term})+$`);
}

/**
 * A value built by a type's factory from numbers, or a unit property of a number, as one value:
 * `Duration.ofSeconds(30)`, `TimeSpan.FromMilliseconds(250 * 2)`, `TimeUnit.SECONDS.toMillis(5)`, Kotlin and
 * Ruby `30.seconds`. Only factory names (of…, from…, to…, valueOf): `Thread.sleep(100)` is a call on a number.
 */
export function constantCallPattern(): RegExp {
  const term = String.raw`(?:[-+(]\s*)*${NUMBER_SOURCE}\s*(?:\)\s*)*`;
  const argument = String.raw`${term}(?:${OPERATOR_SOURCE}\s*${term})*`;
  const call = String.raw`\p{Lu}\w*(?:\.\w+)*\.(?:[oO]f|[fF]rom|[tT]o|valueOf)\w*\(\s*${argument}(?:,\s*${argument})*\)`;
  return new RegExp(String.raw`^\s*(?:${call}|${NUMBER_SOURCE}\.\p{Ll}\w*)\s*$`, "u");
}

/**
 * `10_000` → 10000, `0x1F` → 31, Go's `017` → 15, `100L` → 100, `1.5f` → 1.5; NaN for forms JS cannot read
 * (`1j`, `2i`).
 */
export function parseNumber(source: string): number {
  let text = source.replace(/_/g, "");
  // In hex, `f` and `d` are digits: only the integer suffixes apply.
  const hex = /^0[xX]/.test(text);
  text = text.replace(
    hex ? /(?:n|[uU]?[lL]{1,2}|[lL]?[uU])$/ : /(?:n|[uU]?[lL]{1,2}|[lL]?[uU]|[fFdDmM])$/,
    "",
  );
  if (/^0[0-7]+$/.test(text)) return Number.parseInt(text, 8);
  if (/^0[oO][0-7]+$/.test(text)) return Number.parseInt(text.slice(2), 8);
  return Number(text);
}

/** A negated number literal (`-1`, `- 0.5`), as unary nodes wrap them. */
export const NEGATIVE_NUMBER = new RegExp(String.raw`^-\s*(${NUMBER_SOURCE})$`);

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
  b: "\b",
  f: "\f",
  v: "\v",
  a: "\u0007",
};

/** Backslash escapes common to Python and Go string literals; unknown escapes are kept as written. */
export function decodeEscapes(body: string): string {
  if (!body.includes("\\")) return body;
  return body.replace(
    /\\(?:x([\da-fA-F]{2})|u([\da-fA-F]{4})|U([\da-fA-F]{8})|([0-7]{1,3})|(\r?\n)|(.))/g,
    (
      whole,
      hex2?: string,
      hex4?: string,
      hex8?: string,
      octal?: string,
      newline?: string,
      other?: string,
    ) => {
      const code = hex2 ?? hex4 ?? hex8;
      if (code !== undefined) {
        const point = Number.parseInt(code, 16);
        return point <= 0x10ffff ? String.fromCodePoint(point) : whole;
      }
      if (octal !== undefined) return String.fromCharCode(Number.parseInt(octal, 8));
      if (newline !== undefined) return "";
      if (other === undefined) return whole;
      return SIMPLE_ESCAPES[other] ?? (`\\'"\``.includes(other) ? other : whole);
    },
  );
}

/**
 * The static text of an interpolated string whose fields are `{…}` and whose literal braces are doubled
 * (`{{`, `}}`): Python f-strings and C# `$"…"` strings. `fields` counts the interpolations.
 */
export function splitBraceTemplate(
  body: string,
  decode: (text: string) => string,
): { parts: string[]; fields: number } {
  const parts: string[] = [];
  let current = "";
  let fields = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if ((char === "{" || char === "}") && body[i + 1] === char) {
      current += char;
      i++;
    } else if (char === "{") {
      fields++;
      if (current !== "") parts.push(decode(current));
      current = "";
      for (let depth = 1; i + 1 < body.length && depth > 0; ) {
        i++;
        if (body[i] === "{") depth++;
        else if (body[i] === "}") depth--;
      }
    } else {
      current += char;
    }
  }
  if (current !== "") parts.push(decode(current));
  return { parts, fields };
}
