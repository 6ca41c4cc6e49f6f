import { FNV_OFFSET, FNV_PRIME, TOKEN } from "../token-hash.js";
import { JsxReader } from "./jsx-reader.js";
import { Frame, type JsTokens, TokenKind } from "./token-writer.js";
import {
  isDigit,
  isNamePart,
  isNameStart,
  type LexiconWord,
  LONG_PUNCTUATORS_BY_FIRST,
  lexiconWord,
  punctHash,
} from "./vocabulary.js";

export { type JsTokens, TokenKind } from "./token-writer.js";

/**
 * A lexer for JavaScript, TypeScript and JSX that builds no syntax tree: what a copy search needs (the
 * tokens, normalised, with their lines) at about a fifth of oxc's parse on the same files. It reads every file, including ones
 * a parser would reject, and never throws: an unclosed string or comment ends at the end of its line or
 * of the file. Where a real parser would be needed to be sure (a `/` that may start a regex, a `<` that
 * may open a JSX element), it decides from the token before, as editors' highlighters do.
 */
class Lexer extends JsxReader {
  /** Paren depth at which a control head's `(` opened, so its `)` can be known. */
  private readonly parenHeads: boolean[] = [];
  private pendingControlHead = false;
  /** The last token was `.` or `?.`: a word after it is a property name, even `if` or `true`. */
  private afterDot = false;

  run(): void {
    const { text, n } = this;
    while (this.i < n) {
      const top = this.frames[this.frames.length - 1];
      if (top === Frame.JsxElement) {
        this.jsxChildren();
        continue;
      }
      const c = text.charCodeAt(this.i);
      if (c === 10) {
        this.line++;
        this.i++;
      } else if (c === 32 || c === 9 || c === 13 || c === 0xfeff || c === 0xa0) {
        let i = this.i + 1;
        while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
        this.i = i;
      } else if (c === 47 && text.charCodeAt(this.i + 1) === 47) {
        const end = text.indexOf("\n", this.i);
        this.i = end < 0 ? n : end;
      } else if (c === 47 && text.charCodeAt(this.i + 1) === 42) {
        const end = text.indexOf("*/", this.i + 2);
        this.skipTo(end < 0 ? n : end + 2);
      } else if (c === 35 && this.i === 0 && text.charCodeAt(1) === 33) {
        // A shebang line.
        const end = text.indexOf("\n");
        this.i = end < 0 ? n : end;
      } else if (isNameStart(c)) {
        this.name();
      } else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(this.i + 1)))) {
        this.number();
      } else if (c === 34 || c === 39) {
        this.string(c);
      } else if (c === 96) {
        this.i++;
        this.template(this.i - 1);
      } else if (c === 125 && top === Frame.TemplateExpression) {
        // The `}` of a template's `${ … }` belongs to the template's text, not to the code's brackets.
        this.frames.pop();
        this.i++;
        this.template(this.i - 1);
      } else if (c === 47 && this.valueNext) {
        this.regex();
      } else if (c === 60 && this.jsx && this.valueNext && this.opensJsx()) {
        this.jsxTag(false);
      } else {
        this.punctuator(c);
      }
    }
  }

  private name(): void {
    const { text, n } = this;
    const start = this.i;
    let i = this.i + 1;
    let lower = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isNamePart(c)) break;
      if (c < 97 || c > 122) lower = false;
      i++;
    }
    this.i = i;
    const first = text.charCodeAt(start);
    // Keywords, `true`, `null` and the like are short and lower-case: only those words are looked up, by
    // their FNV-1a hash (the token hash of the word), with no text cut out. `a.if` and `{ if: 1 }` are
    // names, not keywords; the previous token says which.
    let entry: LexiconWord | undefined;
    if (lower && first >= 97 && first <= 122 && i - start <= 10 && !this.afterDot) {
      let hash = FNV_OFFSET;
      for (let j = start; j < i; j++) hash = Math.imul(hash ^ text.charCodeAt(j), FNV_PRIME);
      entry = lexiconWord(text, start, i, hash >>> 0);
    }
    if (entry?.keyword) {
      this.emit(TokenKind.Keyword, entry.hash, start, i, this.line);
      this.valueNext = entry.beforeValue;
      this.pendingControlHead = entry.controlHead;
      this.afterDot = false;
      return;
    }
    this.emit(TokenKind.Name, entry?.value ?? TOKEN.identifier, start, i, this.line);
    this.valueNext = false;
    this.pendingControlHead = false;
    this.afterDot = false;
  }

  private number(): void {
    const { text, n } = this;
    const start = this.i;
    let i = this.i + 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      // Digits, letters (hex, exponents, `n`), separators and the point; a sign only after an exponent.
      if (isNamePart(c) || c === 46) i++;
      else if (
        (c === 43 || c === 45) &&
        (text.charCodeAt(i - 1) | 32) === 101 &&
        !text.startsWith("0x", start)
      )
        i++;
      else break;
    }
    this.i = i;
    this.emit(TokenKind.Number, TOKEN.number, start, i, this.line);
    this.valueNext = false;
    this.pendingControlHead = false;
  }

  /** A quoted string; an unclosed one ends at its line's end (a stray quote in text loses one line). */
  private string(quote: number): void {
    const { text, n } = this;
    const start = this.i;
    const line = this.line;
    let i = this.i + 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        if (text.charCodeAt(i + 1) === 10) this.line++;
        i += 2;
        continue;
      }
      if (c === 10) break;
      i++;
      if (c === quote) break;
    }
    this.i = Math.min(i, n);
    this.emit(TokenKind.String, TOKEN.string, start, this.i, line);
    this.valueNext = false;
    this.pendingControlHead = false;
  }

  /** The rest of a template literal from `this.i`; a `${` leaves it for code until its `}`. */
  private template(start: number): void {
    const { text, n } = this;
    const line = this.line;
    let i = this.i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        i += 2;
        continue;
      }
      if (c === 96) {
        i++;
        break;
      }
      if (c === 36 && text.charCodeAt(i + 1) === 123) {
        this.skipTo(i);
        this.emit(TokenKind.Template, TOKEN.template, start, i, line);
        this.i = i + 2;
        this.frames.push(Frame.TemplateExpression);
        this.valueNext = true;
        return;
      }
      i++;
    }
    this.skipTo(Math.min(i, n));
    this.emit(TokenKind.Template, TOKEN.template, start, this.i, line);
    this.valueNext = false;
    this.pendingControlHead = false;
  }

  private regex(): void {
    const { text, n } = this;
    const start = this.i;
    let i = this.i + 1;
    let inClass = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) break;
      if (c === 92) {
        // An escape, but never of a line break: the regex ends at its line, and the line is counted.
        i += text.charCodeAt(i + 1) === 10 ? 1 : 2;
        continue;
      }
      i++;
      if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) break;
    }
    while (i < n && isNamePart(text.charCodeAt(i))) i++;
    this.i = Math.min(i, n);
    this.emit(TokenKind.Regex, TOKEN.regex, start, this.i, this.line);
    this.valueNext = false;
    this.pendingControlHead = false;
  }

  private punctuator(c: number): void {
    const { text } = this;
    const start = this.i;
    let length = 1;
    let hash = 0;
    const longer = c < 128 ? LONG_PUNCTUATORS_BY_FIRST[c] : undefined;
    if (longer !== undefined) {
      for (const p of longer) {
        if (text.startsWith(p.text, start)) {
          // `?.5` is a conditional with a number, not optional chaining.
          if (c === 63 && p.text === "?." && isDigit(text.charCodeAt(start + 2))) continue;
          length = p.text.length;
          hash = p.hash;
          break;
        }
      }
    }
    this.i = start + length;
    this.afterDot =
      (length === 1 && c === 46) || (length === 2 && c === 63 && text.charCodeAt(start + 1) === 46);
    this.emit(TokenKind.Punct, length === 1 ? punctHash(c) : hash, start, this.i, this.line);
    this.afterPunctuator(c, length);
  }

  private afterPunctuator(c: number, length: number): void {
    if (length > 1) {
      // `++`/`--` end an operand (`i++ / 2`); every other long punctuator wants a value after it.
      const second = this.text.charCodeAt(this.i - 1);
      this.valueNext = !(length === 2 && (second === 43 || second === 45) && second === c);
      this.pendingControlHead = false;
      return;
    }
    if (c === 40) {
      this.parenHeads.push(this.pendingControlHead);
      this.valueNext = true;
    } else if (c === 41) {
      // After `if (…)` a statement starts (a regex may open it); after a call's `)` an operator follows.
      this.valueNext = this.parenHeads.pop() ?? false;
    } else if (c === 123) {
      this.frames.push(Frame.Brace);
      this.valueNext = true;
    } else if (c === 125) {
      this.closeBrace();
    } else if (c === 93) {
      this.valueNext = false;
    } else {
      this.valueNext = true;
    }
    this.pendingControlHead = false;
  }

  /** A `}`: the end of a block or object, or of a template's or JSX's `{ … }`. */
  private closeBrace(): void {
    const frame = this.frames.pop();
    if (frame === Frame.JsxAttributeExpression) {
      this.jsxTag(true);
    } else if (frame === Frame.JsxChildExpression) {
      // Back to the element's children, which the main loop reads next.
      this.valueNext = false;
    } else {
      // After a block a statement starts; after an object literal an operator would, which is rarer.
      this.valueNext = true;
    }
  }
}

/**
 * The tokens of one JavaScript, TypeScript or JSX text; `jsx` for .jsx/.tsx (and .js, where JSX is common).
 * With `reuse`, the arrays are views of this thread's scratch space, valid until the next call: for a
 * caller that copies what it keeps (units take slices), and allocates nothing per file.
 */
export function lexJs(text: string, jsx: boolean, reuse = false): JsTokens {
  const lexer = new Lexer(text, jsx);
  lexer.run();
  return lexer.tokens(reuse);
}
