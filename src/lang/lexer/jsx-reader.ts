import { TOKEN, tokenHash } from "../token-hash.js";
import { Frame, TokenKind, TokenWriter } from "./token-writer.js";
import { isNamePart, isNameStart, JSX_TEXT, punctHash } from "./vocabulary.js";

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * JSX in the lexer: an element's tags as tokens, its children's text as one token per run, and the
 * `{ … }` inside them handed back to the code lexer (which returns here at their `}`).
 */
export abstract class JsxReader extends TokenWriter {
  /** Whether the `<` at `this.i` opens a JSX element: `<div`, `<Foo.Bar`, `<>` (not `<T,>` or `a < b`). */
  protected opensJsx(): boolean {
    const { text } = this;
    const next = text.charCodeAt(this.i + 1);
    if (next === 62) return true;
    if (!isNameStart(next)) return false;
    let j = this.i + 2;
    while (
      j < this.n &&
      (isNamePart(text.charCodeAt(j)) || text.charCodeAt(j) === 46 || text.charCodeAt(j) === 45)
    )
      j++;
    const after = text.charCodeAt(j);
    // A generic arrow's `<T,>` or `<T extends U>` is not an element.
    return after !== 44 && !text.startsWith(" extends ", j);
  }

  /**
   * A JSX tag from `<` (or, resuming after an attribute's `{ … }`, from where it stopped) to its `>`:
   * the tag's name and attributes as tokens. An opening tag pushes an element whose children follow.
   */
  protected jsxTag(resuming: boolean): void {
    const { text, n } = this;
    let closing = false;
    if (!resuming) {
      const start = this.i;
      closing = text.charCodeAt(this.i + 1) === 47;
      this.i += closing ? 2 : 1;
      this.emit(TokenKind.Punct, tokenHash(closing ? "</" : "<"), start, this.i, this.line);
    }
    while (this.i < n) {
      const c = text.charCodeAt(this.i);
      if (c === 10) {
        this.line++;
        this.i++;
      } else if (c === 32 || c === 9 || c === 13) {
        this.i++;
      } else if (c === 47 && text.charCodeAt(this.i + 1) === 42) {
        const end = text.indexOf("*/", this.i + 2);
        this.skipTo(end < 0 ? n : end + 2);
      } else if (isNameStart(c)) {
        const start = this.i;
        while (
          this.i < n &&
          (isNamePart(text.charCodeAt(this.i)) ||
            text.charCodeAt(this.i) === 45 ||
            text.charCodeAt(this.i) === 46 ||
            text.charCodeAt(this.i) === 58)
        )
          this.i++;
        this.emit(TokenKind.Name, TOKEN.identifier, start, this.i, this.line);
      } else if (c === 34 || c === 39) {
        this.jsxAttributeString(c);
      } else if (c === 123) {
        this.emit(TokenKind.Punct, punctHash(123), this.i, this.i + 1, this.line);
        this.i++;
        this.frames.push(Frame.JsxAttributeExpression);
        this.valueNext = true;
        return;
      } else if (c === 47 && text.charCodeAt(this.i + 1) === 62) {
        this.emit(TokenKind.Punct, tokenHash("/>"), this.i, this.i + 2, this.line);
        this.i += 2;
        this.afterJsxElement();
        return;
      } else if (c === 62) {
        this.emit(TokenKind.Punct, punctHash(62), this.i, this.i + 1, this.line);
        this.i++;
        if (closing) this.afterJsxElement();
        else this.frames.push(Frame.JsxElement);
        return;
      } else {
        this.emit(TokenKind.Punct, punctHash(c), this.i, this.i + 1, this.line);
        this.i++;
      }
    }
  }

  /** Attribute strings in JSX may span lines and have no escapes. */
  protected jsxAttributeString(quote: number): void {
    const start = this.i;
    const line = this.line;
    const end = this.text.indexOf(String.fromCharCode(quote), this.i + 1);
    this.skipTo(end < 0 ? this.n : end + 1);
    this.emit(TokenKind.String, TOKEN.string, start, this.i, line);
  }

  /** An element just ended: inside another element its siblings follow; otherwise code resumes. */
  protected afterJsxElement(): void {
    this.valueNext = false;
  }

  /** Children of the innermost open element: text runs, `{ … }`, child elements, and its closing tag. */
  protected jsxChildren(): void {
    const { text, n } = this;
    const start = this.i;
    let i = this.i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 60 || c === 123) break;
      i++;
    }
    // The run's text from its first visible character, if it has one: indentation is not text.
    let first = start;
    while (first < i && isSpace(text.charCodeAt(first))) first++;
    this.skipTo(first);
    if (first < i) this.emit(TokenKind.JsxText, JSX_TEXT, first, i, this.line);
    this.skipTo(i);
    if (i >= n) return;
    if (text.charCodeAt(i) === 123) {
      this.emit(TokenKind.Punct, punctHash(123), i, i + 1, this.line);
      this.i = i + 1;
      this.frames.push(Frame.JsxChildExpression);
      this.valueNext = true;
      return;
    }
    if (text.charCodeAt(i + 1) === 47) {
      // The element's closing tag: it is done after the tag's `>`.
      this.frames.pop();
      this.jsxTag(false);
      return;
    }
    this.jsxTag(false);
  }
}
