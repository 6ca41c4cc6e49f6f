import { describe, expect, it } from "vitest";
import { introducedWords } from "./change-words.js";

describe("introducedWords", () => {
  it("keeps the words a change wrote that the lines it removed did not have", () => {
    expect(introducedWords(["delay := base * jitter(attempt)"], ["delay := base * attempt"]).sort()).toEqual([
      "jitter",
    ]);
  });

  it("reads no words from a linter's or compiler's directive", () => {
    // Istio's ledger read "the same change (nolint, staticcheck) made 3 times" in three copies.
    const added = [
      "\tclient.SetDeadline(deadline) //nolint:staticcheck // deprecated API still in use",
      "  // eslint-disable-next-line no-console",
      "    retries = int(env) # noqa: E501",
      "# pylint: disable=broad-except",
      '@SuppressWarnings("unchecked") final List<String> names = list;',
      "// @ts-expect-error the old typings",
    ];
    const words = introducedWords(added, []);
    for (const directive of [
      "nolint",
      "staticcheck",
      "deprecated",
      "eslint",
      "console",
      "noqa",
      "pylint",
      "broad",
      "unchecked",
      "typings",
    ])
      expect(words).not.toContain(directive);
    expect(words).toEqual(
      expect.arrayContaining(["client", "deadline", "retries", "env", "final", "names", "list"]),
    );
  });
});
