import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/helpers/repos.js";
import { git } from "../git/index.js";
import { buildExampleOrg } from "./build-org.js";
import { growthPart } from "./growth.js";

function writeSpec(dir: string, history: string, files: Record<string, string | Buffer>): string {
  const spec = join(dir, "spec");
  const put = (path: string, content: string | Buffer) => {
    mkdirSync(join(spec, path, ".."), { recursive: true });
    writeFileSync(join(spec, path), content);
  };
  put(
    "org.yaml",
    "name: tiny\npeople:\n  - { id: ann, name: Ann Lee, email: ann@example.test }\n  - { id: bo, name: Bo Diaz, email: bo@example.test }\nrepos:\n  - { name: svc }\n",
  );
  put("history/svc.yaml", history);
  for (const [path, content] of Object.entries(files)) put(path, content);
  return spec;
}

const THREE_BLOCKS =
  "export const a = 1;\n\nexport function f() {\n  return 2;\n}\n\nexport function g() {\n  return 3;\n}\n";

describe("growthPart", () => {
  it("cuts at top-level blocks and ends with the whole file", () => {
    expect(growthPart(THREE_BLOCKS, 1, 3)).toBe("export const a = 1;\n");
    expect(growthPart(THREE_BLOCKS, 2, 3)).toBe(
      "export const a = 1;\n\nexport function f() {\n  return 2;\n}\n",
    );
    expect(growthPart(THREE_BLOCKS, 3, 3)).toBe(THREE_BLOCKS);
  });

  it("refuses more parts than the file has blocks", () => {
    expect(() => growthPart("one line\n", 1, 2)).toThrow(/only 1 top-level blocks/);
  });
});

describe("buildExampleOrg", () => {
  const dir = tempDir();
  const history = [
    "commits:",
    '  - { date: "2024-01-02T10:00:00+01:00", author: ann, message: "Start", files: ["src/a.ts#1/2", "src/old.ts@v1"] }',
    '  - { date: "2024-02-02T10:00:00+01:00", author: bo, coauthors: [ann], message: "Grow", files: ["src/a.ts"], rename: { src/old.ts: src/b.ts } }',
    '  - { date: "2024-03-02T10:00:00Z", author: bo, message: "Fix", files: ["src/b.ts", "logo.png"] }',
  ].join("\n");
  const logo = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]);
  const spec = writeSpec(dir, history, {
    "repos/svc/src/a.ts": THREE_BLOCKS,
    "repos/svc/src/b.ts": "new\n",
    "repos/svc/logo.png": logo,
    "versions/svc/src/old.ts@v1": "old\n",
  });

  it("builds real repositories, identical to the byte on every build", async () => {
    const first = await buildExampleOrg(join(dir, "one"), spec);
    const second = await buildExampleOrg(join(dir, "two"), spec);
    expect(first.repos[0]?.head).toMatch(/^[0-9a-f]{40}$/);
    expect(second.repos[0]?.head).toBe(first.repos[0]?.head);
    expect(first.repos[0]?.commits).toBe(3);
    const root = join(dir, "one", "svc");
    expect(readFileSync(join(root, "logo.png")).equals(logo)).toBe(true);
    const log = await git(
      ["log", "--format=%an|%aI|%s|%(trailers:key=Co-authored-by,valueonly)", "--name-status"],
      { cwd: root },
    );
    expect(log.stdout).toContain("Bo Diaz|2024-02-02T10:00:00+01:00|Grow|Ann Lee <ann@example.test>");
    expect(log.stdout).toMatch(/R100\tsrc\/old\.ts\tsrc\/b\.ts/);
    const status = await git(["status", "--porcelain"], { cwd: root });
    expect(status.stdout).toBe("");
  });

  it("rebuilds a folder it built before, and refuses any other non-empty folder", async () => {
    await buildExampleOrg(join(dir, "again"), spec);
    await expect(buildExampleOrg(join(dir, "again"), spec)).resolves.toBeTruthy();
    mkdirSync(join(dir, "mine"));
    writeFileSync(join(dir, "mine", "notes.txt"), "keep me");
    await expect(buildExampleOrg(join(dir, "mine"), spec)).rejects.toThrow(
      /not empty, and it is not a folder lineitem built/,
    );
    expect(readFileSync(join(dir, "mine", "notes.txt"), "utf8")).toBe("keep me");
  });

  it("refuses a history that does not end at the plain files", async () => {
    const bad = writeSpec(join(dir, "bad"), history.replace(', "logo.png"', ""), {
      "repos/svc/src/a.ts": THREE_BLOCKS,
      "repos/svc/src/b.ts": "new\n",
      "repos/svc/logo.png": logo,
      "versions/svc/src/old.ts@v1": "old\n",
    });
    await expect(buildExampleOrg(join(dir, "bad-out"), bad)).rejects.toThrow(
      /svc: history does not end at repos\/svc\/; not written in final form: logo\.png/,
    );
  });

  it("names the file and key of a bad history entry", async () => {
    const bad = writeSpec(
      join(dir, "who"),
      history.replace('author: bo, message: "Fix"', 'author: zed, message: "Fix"'),
      {
        "repos/svc/src/a.ts": THREE_BLOCKS,
        "repos/svc/src/b.ts": "new\n",
        "repos/svc/logo.png": logo,
        "versions/svc/src/old.ts@v1": "old\n",
      },
    );
    await expect(buildExampleOrg(join(dir, "who-out"), bad)).rejects.toThrow(
      /svc\.yaml: commits\.2\.author: unknown person "zed"/,
    );
  });
});
