import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fnv1a } from "../token-hash.js";
import { type JsTokens, lexJs, TokenKind } from "./js-lexer.js";
import { LEXICON, lexiconWord } from "./vocabulary.js";

const kinds = (t: JsTokens) => [...t.kinds];
const texts = (source: string, t: JsTokens) =>
  [...t.starts].map((start, k) => source.slice(start, t.ends[k] as number));
const lex = (source: string, jsx = false) => {
  const tokens = lexJs(source, jsx);
  return { tokens, texts: texts(source, tokens) };
};

describe("lexJs", () => {
  it("gives renamed and re-valued copies the same hashes, and keeps keywords and operators apart", () => {
    const a = lexJs(`const total = price * 1.2 + fee("eur");`, false);
    const b = lexJs(`const sum = cost * 7 + charge('usd');`, false);
    const c = lexJs(`let sum = cost / 7 - charge('usd');`, false);
    expect([...a.hashes]).toEqual([...b.hashes]);
    expect([...a.hashes]).not.toEqual([...c.hashes]);
    expect(a.count).toBe(12);
  });

  it("tells a regex from a division by the token before", () => {
    const { tokens, texts } = lex(
      `x = a / b / c; y = /a+b/g.test(s); if (ok) /x/.exec(t); z = f(a) / 2; w = i++ / 2;`,
    );
    const regexes = texts.filter((_, k) => tokens.kinds[k] === TokenKind.Regex);
    expect(regexes).toEqual(["/a+b/g", "/x/"]);
    expect(texts.filter((text) => text === "/")).toHaveLength(4);
  });

  it("reads template literals with expressions, nested, with no stray braces", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text under test is source with a template in it
    const source = "const s = `a ${b ? `x${y}` : { k: 1 }.k} c`;\nnext();";
    const { tokens, texts } = lex(source);
    expect(texts.filter((t) => t === "{" || t === "}")).toEqual(["{", "}"]);
    expect(texts.at(-4)).toBe("next");
    expect(tokens.lines[tokens.count - 1]).toBe(2);
  });

  it("skips comments and counts lines across them and inside strings and templates", () => {
    const source = "/* one\n two */ a; // three\n`four\nfive` \n'six\\\nseven'; b";
    const { tokens, texts } = lex(source);
    expect(texts).toEqual(["a", ";", "`four\nfive`", "'six\\\nseven'", ";", "b"]);
    expect([...tokens.lines]).toEqual([2, 2, 3, 5, 6, 6]);
    expect(tokens.lineCount).toBe(6);
  });

  it("reads JSX: text between tags is one token, an apostrophe in it is not a string", () => {
    const source = `const x = <div className="a" onClick={() => go(1)}>Don't {name} <b>bold</b></div>;\nafter();`;
    const { tokens, texts } = lex(source, true);
    expect(kinds(tokens)).not.toContain(TokenKind.Regex);
    expect(texts.filter((_, k) => tokens.kinds[k] === TokenKind.JsxText)).toEqual(["Don't ", "bold"]);
    expect(texts.filter((_, k) => tokens.kinds[k] === TokenKind.String)).toEqual([`"a"`]);
    expect(texts.slice(-4)).toEqual(["after", "(", ")", ";"]);
  });

  it("does not take a comparison or a generic for JSX", () => {
    const { tokens } = lex("const ok = a < b && c > d; const id = <T,>(x: T) => x;", true);
    expect(kinds(tokens)).not.toContain(TokenKind.JsxText);
    expect(kinds(tokens).filter((k) => k === TokenKind.Punct).length).toBeGreaterThan(10);
  });

  it("takes a keyword after a dot as a name", () => {
    const { tokens, texts } = lex("a.if = b.class; x?.default");
    expect(texts.filter((_, k) => tokens.kinds[k] === TokenKind.Keyword)).toEqual([]);
  });

  it("ends an unclosed string at its line, and never throws on any text", () => {
    const { texts } = lex("a = 'open\nb = 2;");
    expect(texts).toEqual(["a", "=", "'open", "b", "=", "2", ";"]);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.boolean(), (text, jsx) => {
        const tokens = lexJs(text, jsx);
        for (let k = 0; k < tokens.count; k++) {
          expect(tokens.ends[k]).toBeGreaterThan(tokens.starts[k] as number);
          expect(tokens.ends[k]).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the lexicon", () => {
  it("finds every keyword and value by its hash, inside any text, and no other word", () => {
    for (const entry of LEXICON) {
      const text = `x.${entry.word};`;
      expect(lexiconWord(text, 2, 2 + entry.word.length, fnv1a(entry.word))).toBe(entry);
    }
    for (const word of ["iff", "thi", "returns", "nul", "awaited", "x"]) {
      expect(lexiconWord(word, 0, word.length, fnv1a(word))).toBeUndefined();
    }
    // A word whose hash lands in a keyword's slot is told apart by its text.
    const key = LEXICON[0] as (typeof LEXICON)[number];
    expect(lexiconWord("zzzzz", 0, 5, key.hash)).toBeUndefined();
  });
});
