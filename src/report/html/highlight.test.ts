import { describe, expect, it } from "vitest";
import { highlightLines } from "./highlight.js";

describe("code highlighted line by line", () => {
  it("closes a span open at a line break and opens it again on the next line", () => {
    const lines = highlightLines(["const a = `one", "two` + 1;"], "typescript");
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect((line.match(/<span/g) ?? []).length).toBe((line.match(/<\/span>/g) ?? []).length);
    }
    expect(lines[1]).toMatch(/^<span class="hljs-string">two`<\/span>/);
  });

  it("colours TSX as TypeScript, and only escapes a language it does not know", () => {
    expect(highlightLines(["const a = 1;"], "tsx")[0]).toContain('<span class="hljs-keyword">const</span>');
    expect(highlightLines(["<b>x</b>"], "cobol")).toEqual(["&lt;b&gt;x&lt;/b&gt;"]);
  });
});
