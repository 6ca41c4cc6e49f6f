import { describe, expect, it } from "vitest";
import { sourceFromBytes } from "./read.js";

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
});
