import { spawn } from "node:child_process";
import { GitError, gitMissing } from "./run.js";

/** What `git cat-file --batch` says of one object: its bytes, or that the repository does not have it. */
export type BlobRead = { ok: true; bytes: Buffer } | { ok: false; reason: "missing" };

/**
 * Reads objects by id through one `git cat-file --batch` process, handing each to `onBlob` as it arrives,
 * in the order asked. Trees at past commits are read this way: one process per repository and call, never
 * one per file, and only one object is held in memory at a time besides what the caller keeps.
 */
export function catBlobs(
  root: string,
  ids: readonly string[],
  onBlob: (id: string, read: BlobRead) => void,
): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const args = ["cat-file", "--batch"];
    const child = spawn("git", args, { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const err: Buffer[] = [];
    let failed: Error | undefined;
    let pending: Buffer = Buffer.alloc(0);
    let next = 0;
    // The object being read: its id and how many bytes of it (plus the closing newline) are still to come.
    let body: { id: string; size: number } | undefined;

    const take = () => {
      while (!failed) {
        if (body) {
          if (pending.length < body.size + 1) return;
          const bytes = Buffer.from(pending.subarray(0, body.size));
          pending = pending.subarray(body.size + 1);
          const { id } = body;
          body = undefined;
          onBlob(id, { ok: true, bytes });
          continue;
        }
        const newline = pending.indexOf(0x0a);
        if (newline < 0) return;
        const header = pending.subarray(0, newline).toString("utf8");
        pending = pending.subarray(newline + 1);
        const asked = ids[next++] ?? "";
        // "<id> <type> <size>" or "<what was asked> missing" (also "ambiguous" for a short id).
        const parts = header.split(" ");
        if (parts.length === 3 && /^\d+$/.test(parts[2] as string)) {
          body = { id: asked, size: Number(parts[2]) };
        } else {
          onBlob(asked, { ok: false, reason: "missing" });
        }
      }
    };

    child.stdout.on("data", (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      try {
        take();
      } catch (error) {
        failed = error as Error;
        child.kill();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      failed = error.code === "ENOENT" ? gitMissing() : error;
    });
    child.on("close", (code) => {
      if (failed) reject(failed);
      else if (code !== 0) reject(new GitError(args, code ?? 1, Buffer.concat(err).toString("utf8")));
      else if (next < ids.length || body) {
        reject(new GitError(args, 0, "git cat-file stopped before answering every object"));
      } else resolve();
    });
    child.stdin.on("error", () => {
      // git exited early; the close handler says why.
    });
    child.stdin.end(`${ids.join("\n")}\n`);
  });
}
