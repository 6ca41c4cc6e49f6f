import { describe, expect, it } from "vitest";
import { ann, bo, commit, makeRepo, tempDir } from "../../test/helpers/repos.js";
import { type BlobRead, catBlobs } from "../git/index.js";
import { gitBlobSha, sourceFromBytes } from "./read.js";
import { commitAt, fileAt, firstFileAt, listTreeFiles } from "./tree.js";

const options = { include: [], exclude: [], isSupported: (path: string) => /\.(ts|js)$/.test(path) };

describe("a repository as it was at a commit", async () => {
  const dir = tempDir();
  const root = await makeRepo(dir, "shop", [
    commit("2025-01-10T10:00:00+00:00", ann, "start", {
      "src/retry.ts": "export const attempts = 3;\n",
      "README.md": "# shop\n",
      ".github/CODEOWNERS": "* @acme/checkout\n",
    }),
    commit("2025-04-02T10:00:00+00:00", bo, "more", {
      "src/retry.ts": "export const attempts = 5;\n",
      "src/cart.ts": "export const cart = [];\n",
      "vendor/lib.js": "x\n",
      ".github/CODEOWNERS": "* @acme/payments\n",
    }),
  ]);
  const target = { name: "shop", root, kind: "git" as const };

  it("finds the commit of each date on the main line, and none before the first", async () => {
    const first = await commitAt(root, new Date("2025-03-31T00:00:00Z"));
    const second = await commitAt(root, new Date("2025-06-30T00:00:00Z"));
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    expect(second).not.toBe(first);
    expect(await commitAt(root, new Date("2024-12-31T00:00:00Z"))).toBeNull();
  });

  it("lists the tree of a past commit with blob ids, sorted out like a working tree", async () => {
    const first = (await commitAt(root, new Date("2025-03-31T00:00:00Z"))) as string;
    const then = await listTreeFiles(target, first, options);
    expect(then.files.map((f) => f.path)).toEqual(["src/retry.ts"]);
    expect(then.files[0]?.blob).toEqual({
      sha: gitBlobSha(Buffer.from("export const attempts = 3;\n")),
      size: 27,
    });
    const now = await listTreeFiles(target, "HEAD", options);
    expect(now.files.map((f) => f.path)).toEqual(["src/cart.ts", "src/retry.ts"]);
    expect(now.skipped.map((s) => `${s.path}:${s.reason}`)).toContain("vendor/lib.js:vendored");
    expect(await fileAt(root, first, ".github/CODEOWNERS")).toBe("* @acme/checkout\n");
    expect(await fileAt(root, first, "src/cart.ts")).toBeNull();
  });

  it("finds the first of some paths that is a file at a commit, passing over a folder of that name", async () => {
    const first = (await commitAt(root, new Date("2025-03-31T00:00:00Z"))) as string;
    expect(await firstFileAt(root, first, [".github", "CODEOWNERS", ".github/CODEOWNERS"])).toEqual({
      path: ".github/CODEOWNERS",
      text: "* @acme/checkout\n",
    });
    expect(await firstFileAt(root, first, ["src", "docs/CODEOWNERS"])).toBeNull();
  });

  it("reads blobs in the order asked, one process for all, and says which are missing", async () => {
    const now = await listTreeFiles(target, "HEAD", options);
    const ids = [...now.files.map((f) => f.blob?.sha as string), "0".repeat(40)];
    const seen: [string, BlobRead][] = [];
    await catBlobs(root, ids, (id, read) => seen.push([id, read]));
    expect(seen.map(([id]) => id)).toEqual(ids);
    const [cart, retry, missing] = seen.map(([, read]) => read);
    expect(cart?.ok && cart.bytes.toString()).toBe("export const cart = [];\n");
    expect(retry?.ok && sourceFromBytes(retry.bytes)).toMatchObject({ ok: true, blobSha: ids[1] });
    expect(missing).toEqual({ ok: false, reason: "missing" });
  });
});
