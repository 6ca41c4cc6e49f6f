import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSourceBytes, sourceFromBytes } from "./read.js";

describe("reading a file's bytes", () => {
  it("names the bytes as git does, unless told not to, with the same text and verdicts", () => {
    const text = Buffer.from("hello\n");
    // `git hash-object` of "hello\n".
    expect(sourceFromBytes(text)).toEqual({
      ok: true,
      text: "hello\n",
      blobSha: "ce013625030ba8dba906f756967f9e9ca394464a",
      bytes: 6,
    });
    expect(sourceFromBytes(text, { name: false })).toEqual({
      ok: true,
      text: "hello\n",
      blobSha: "",
      bytes: 6,
    });
    const binary = Buffer.from([104, 0, 105]);
    expect(sourceFromBytes(binary, { name: false })).toMatchObject({
      ok: false,
      reason: "binary",
      blobSha: "",
    });
  });

  it("reads a file whole, and says why not for a link, a folder, a file too large or gone", () => {
    const dir = mkdtempSync(join(tmpdir(), "lineitem-read-"));
    try {
      const body = "const x = 1;\n".repeat(2000);
      writeFileSync(join(dir, "a.ts"), body);
      writeFileSync(join(dir, "empty.ts"), "");
      symlinkSync("a.ts", join(dir, "link.ts"));
      mkdirSync(join(dir, "folder.ts"));
      const read = readSourceBytes(join(dir, "a.ts"), 1024 * 1024);
      expect(read.ok && read.bytes.toString("utf8")).toBe(body);
      const empty = readSourceBytes(join(dir, "empty.ts"), 1024);
      expect(empty.ok && empty.bytes.length).toBe(0);
      expect(readSourceBytes(join(dir, "link.ts"), 1024 * 1024)).toMatchObject({
        ok: false,
        reason: "symlink",
      });
      expect(readSourceBytes(join(dir, "folder.ts"), 1024 * 1024)).toMatchObject({
        ok: false,
        reason: "unreadable",
      });
      expect(readSourceBytes(join(dir, "a.ts"), 100)).toEqual({
        ok: false,
        reason: "too-large",
        detail: `${body.length} bytes (limit 100)`,
      });
      expect(readSourceBytes(join(dir, "gone.ts"), 1024)).toMatchObject({ ok: false, reason: "vanished" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
