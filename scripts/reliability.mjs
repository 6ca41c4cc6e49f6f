// docs/reliability.md from one list: every case of lineitem's trust promises (hostile input, nothing
// leaked, faults survived, load) with the test that holds it and what that test tries. The script checks
// that every test named here exists in its file, and writes the page (or, with --check, fails when the
// committed page differs), so the table cannot drift from the tests. test/reliability.test.ts runs the
// check with the suite.
//
//   node scripts/reliability.mjs           write docs/reliability.md
//   node scripts/reliability.mjs --check   exit 2 when a test is missing or the page is stale
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const PAGE = "docs/reliability.md";

/** [section, [case, test file, test title (as written in it(...), or its fixed part), what it tries]] */
const SECTIONS = [
  [
    "Hostile and broken repositories",
    [
      [
        "deep folder nesting",
        "test/hostile-repos.test.ts",
        "a folder nested 200 levels deep",
        "200 levels; the walk's limit of 64 reported",
      ],
      [
        "100,000 tiny files",
        "test/hostile-repos.test.ts",
        "100,000 tiny files",
        "100,000 files, under 60 s and 1.5 GiB",
      ],
      [
        "one 200 MB file",
        "test/hostile-repos.test.ts",
        "one 200 MB file",
        "set aside as too large, never read whole",
      ],
      [
        "symlinks out of the repository and in loops",
        "test/hostile-repos.test.ts",
        "symbolic links out of the repository and in loops",
        "links to /etc, to a parent, and a loop",
      ],
      [
        "file names with newlines, quotes, `..`, HTML, non-UTF-8 bytes",
        "test/hostile-repos.test.ts",
        "file names with newlines, quotes, dots, HTML and bytes that are not UTF-8",
        "shown escaped in the terminal and HTML; a non-UTF-8 name skipped as unreadable",
      ],
      [
        "a `.gitattributes` marking everything binary",
        "test/hostile-repos.test.ts",
        "a .gitattributes that marks everything binary",
        "history still read (git log -p --text)",
      ],
      [
        "submodules and worktrees",
        "test/hostile-repos.test.ts",
        "a submodule, and a linked worktree",
        "a submodule set aside; a worktree read as its repository",
      ],
      [
        "a missing object",
        "test/history-faults.test.ts",
        "a missing object only history needs",
        "missing trees and blobs: files read, history kept as a lower bound and said so",
      ],
      ["a history of 1 commit", "test/hostile-repos.test.ts", "a history of one commit", "1 commit"],
      [
        "a history of 200,000 commits",
        "test/hostile-repos.test.ts",
        "a history of 200,000 commits",
        "200,000 commits built with fast-import, history read",
      ],
      [
        "a CODEOWNERS of 10,000 rules",
        "test/hostile-repos.test.ts",
        "a CODEOWNERS of 10,000 rules",
        "10,000 rules",
      ],
      [
        "a CODEOWNERS with pathological patterns",
        "test/hostile-repos.test.ts",
        "a CODEOWNERS with patterns built to backtrack",
        "`**/` ×30 and `*a*a…b`: matched by an automaton in linear time",
      ],
    ],
  ],
  [
    "Hostile config and concern files",
    [
      [
        "wrong types, unknown keys",
        "test/hostile-config.test.ts",
        "a concern definition with wrong types",
        "exit 2 naming file, line and key (unknown keys: test/cli.test.ts)",
      ],
      [
        "a config that is not a map",
        "test/hostile-config.test.ts",
        "a config whose top level is a list, not a map",
        "exit 2 naming the file",
      ],
      [
        "a regex built to backtrack",
        "test/hostile-config.test.ts",
        "a concern definition whose regex backtracks catastrophically",
        "exponential and polynomial patterns refused by recheck",
      ],
      [
        "a YAML bomb",
        "test/hostile-config.test.ts",
        "a YAML bomb (a billion laughs through aliases) as config and as concern",
        "alias expansion refused, in bounded memory",
      ],
      [
        "a 50 MB file",
        "test/hostile-config.test.ts",
        "a 50 MB config, and a 50 MB concern definition",
        "refused before it is parsed",
      ],
    ],
  ],
  [
    "Source files made to blow up parsers and the similarity stage",
    [
      [
        "one line of 10 MB",
        "test/hostile-sources.test.ts",
        "one line of 10 MB",
        "at the default size limit and with it raised",
      ],
      [
        "100,000 identical functions",
        "test/hostile-sources.test.ts",
        "100,000 identical functions across 100 files and two teams",
        "under 60 s and 1.5 GiB; in one file: test below",
      ],
      [
        "100,000 identical functions in one file",
        "test/hostile-sources.test.ts",
        "100,000 identical functions in one file",
        "completes; peaks near 1.9 GiB (above the 1.5 GiB aim: known)",
      ],
      [
        "deeply nested brackets",
        "test/hostile-sources.test.ts",
        "nesting 100,000 levels deep, in four languages and five constructs",
        "TS, JS, Python, Go; a parse error past 3,000 levels, never a crash",
      ],
    ],
  ],
  [
    "Properties of the pure stages (fast-check)",
    [
      [
        "normalisation of values",
        "src/concerns/values.property.test.ts",
        "reads a number with any spelling of its unit, in any case and with any spacing",
        "500 + 300 + 300 + 1,000 generated values over four properties",
      ],
      [
        "CODEOWNERS against GitHub's rules",
        "src/ownership/codeowners.property.test.ts",
        "matches a path exactly when gitignore's rules would",
        "3,000 generated pattern/path pairs against the ignore package; 1,000 files for last-match-wins",
      ],
      [
        "the CODEOWNERS automaton",
        "src/ownership/glob-match.test.ts",
        "the automaton (many wildcards) agrees with the regex it stands in for",
        "generated patterns, the automaton against the regex",
      ],
      [
        "a cluster never spans one team only",
        "src/clusters/clusters.property.test.ts",
        "never calls one team's code unnamed work, and never counts a unit of an implementation in it",
        "500 generated orgs",
      ],
      [
        "membership does not depend on file order",
        "src/clusters/clusters.property.test.ts",
        "finds the same unnamed work and the same concern groups whatever order the files come in",
        "500 generated orgs, each shuffled",
      ],
    ],
  ],
  [
    "Nothing leaked",
    [
      [
        "secrets masked in every output",
        "test/secrets.test.ts",
        "carries none of them",
        "9 kinds planted in code and commits; 22 outputs grepped (terminal, JSON, Markdown, CSV, HTML, ledger, trend, check ×5, dashboard)",
      ],
      [
        "secret patterns safe from backtracking",
        "src/shared/secrets.test.ts",
        "every secret pattern is safe from catastrophic backtracking",
        "every pattern through recheck",
      ],
      [
        "no email unless asked",
        "test/privacy.test.ts",
        "names no one's email",
        "22 outputs of the example org",
      ],
      [
        "nothing sent over the network",
        "test/privacy.test.ts",
        "scans the example org, draws its trend and writes its HTML report with no attempt to reach the network",
        "run in a network namespace of its own, every lookup and connection recorded: none",
      ],
      [
        "code in reports shown, never run",
        "test/web-hostile.test.ts",
        "is shown as text wherever it appears, and nothing in it runs",
        "script and onerror payloads in names, code and messages, in Chromium",
      ],
      [
        "the dashboard binds to loopback",
        "test/serve.test.ts",
        "listens on loopback unless told otherwise, from the command line too",
        "the kernel's listening sockets: 127.0.0.1 only",
      ],
      [
        "the dashboard serves nothing by path",
        "test/serve.test.ts",
        "refuses",
        "9 traversal paths, encoded and double-encoded: 404",
      ],
    ],
  ],
  [
    "Faults survived",
    [
      [
        "a scan killed at every stage",
        "test/index-kill.test.ts",
        "leaves the last complete result readable and the index sound",
        "SIGKILL at each of 5 stages",
      ],
      [
        "killed at fixed moments, and interrupted",
        "test/index-kill.test.ts",
        "and SIGINT, leave it sound too",
        "SIGKILL and SIGINT at 50, 150, 300, 600 ms",
      ],
      [
        "killed at random moments, many times",
        "test/index-kill.test.ts",
        "SIGKILL at 10 random moments, each after a new change: always a sound index with a complete scan",
        "10 seeded random kills, each after a change; then equal to a scan without the index",
      ],
      [
        "an org-wide index run killed",
        "test/org-index.test.ts",
        "a killed index leaves the repository's previous snapshot; the next one completes",
        "SIGKILL while reading history and while writing",
      ],
      [
        "PostgreSQL restarted mid-run",
        "test/org-index.test.ts",
        "a server restarted mid-run: the run says the connection was lost, nothing is half-written, the next run completes",
        "the server restarted (immediate) twice during runs",
      ],
      [
        "disk full while writing the index",
        "test/disk-full.test.ts",
        "whenever the disk fills during a scan, says so and keeps the index whole with the old or the new scan",
        "a real tmpfs filled to 6 levels during scans",
      ],
      [
        "disk full while writing a report",
        "test/disk-full.test.ts",
        "keeps an earlier report whole when the new one cannot be written",
        "the earlier file byte for byte, no half-written copy",
      ],
    ],
  ],
  [
    "Load",
    [
      [
        "the dashboard under concurrent requests",
        "test/serve.test.ts",
        "answers many requests at once without an error, all with the same version",
        "200 at once; `npm run bench:serve`: autocannon from a second process (figures in the closing note)",
      ],
    ],
  ],
];

const cell = (text) => text.replace(/\|/g, "\\|");

function render() {
  const lines = [
    "# Reliability: what lineitem survives, and the test that holds each case",
    "",
    "Generated by `node scripts/reliability.mjs` from its list of cases; `test/reliability.test.ts` fails when a",
    "test named here is gone or this page is stale. Figures measured on this kind of machine (2 cores) are in",
    "the tests' records, `test-results/reliability/*.json`, written when they run.",
    "",
  ];
  for (const [section, cases] of SECTIONS) {
    lines.push(`## ${section}`, "", "| case | test | what it tries |", "| --- | --- | --- |");
    for (const [what, file, title, tries] of cases) {
      lines.push(`| ${cell(what)} | \`${file}\` › ${cell(title)} | ${cell(tries)} |`);
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Cases whose test is not in its file: the title must appear there inside a test's quotes. */
function missing() {
  const out = [];
  for (const [, cases] of SECTIONS) {
    for (const [what, file, title] of cases) {
      let source = "";
      try {
        source = readFileSync(`${root}${file}`, "utf8");
      } catch {
        out.push(`${what}: ${file} does not exist`);
        continue;
      }
      if (!source.includes(title)) out.push(`${what}: no test "${title}" in ${file}`);
    }
  }
  return out;
}

const gaps = missing();
if (gaps.length > 0) {
  process.stderr.write(
    `reliability: ${gaps.length} case(s) without their test:\n${gaps.map((g) => `  ${g}\n`).join("")}`,
  );
  process.exit(2);
}
// The page as the project's formatter (biome) writes Markdown, so `npm run lint` and this check agree.
const page = execFileSync(`${root}node_modules/.bin/biome`, ["format", `--stdin-file-path=${PAGE}`], {
  input: render(),
  encoding: "utf8",
});
if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(`${root}${PAGE}`, "utf8");
  } catch {
    // Missing: stale by definition.
  }
  if (committed !== page) {
    process.stderr.write(`reliability: ${PAGE} is stale; run node scripts/reliability.mjs\n`);
    process.exit(2);
  }
} else {
  writeFileSync(`${root}${PAGE}`, page);
  process.stdout.write(`wrote ${PAGE}\n`);
}
