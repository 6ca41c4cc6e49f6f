// npm run bench:floor: where the cold scan's parse time could go, on the peers corpus (the org bench:peers
// builds from 11 real packages). On one core, alternating in every round, for the same JavaScript and
// TypeScript files:
//   read      read and decode every file (the floor of any tool)
//   tokens    read + a tokens-only pass: a small lexer written here (no AST) that normalises names and
//             literals, plus rolling k-gram hashes over the tokens: what a copy search needs, and no more
//   oxc       read + oxc's parse into JSON + JSON.parse, as lineitem's adapter calls it (no walk)
//   lineitem  read + lineitem's whole per-file work: parse, walk into units and tokens, match concerns
// It answers one question for the clone-speed goal: how much of the per-file cost is the AST. And one
// more: how many files could match a concern at all (the engine's file-level test, concernsPossibleIn),
// the files a pipeline that reads the rest as tokens only would still build an AST for. The lexer
// here is a probe, not lineitem's: it skips what a real one must get right (regex after `)` of an `if`,
// JSX text, nested template literals in every form), which changes a few tokens, not the time.
//
//   npm run bench:floor                  measure (needs .cache/peers/org: npm run bench:peers once)
//   npm run bench:floor -- --runs 5      more rounds (the median is printed)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseSync } from "oxc-parser/src-js/bindings";
import { builtinConcernsDir, concernsPossibleIn, loadConcernDefinitions } from "../../dist/concerns/index.js";
import { createLanguageRegistry } from "../../dist/lang/index.js";
import { loadMatcher, readAndParse } from "../../dist/scan/parse-file.js";
import { DiagnosticLog } from "../../dist/shared/index.js";

const root = new URL("../..", import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Math.max(1, Number(values.runs));
const org = join(root, ".cache", "peers", "org");
if (!existsSync(org)) {
  process.stderr.write("bench:floor: no peers corpus at .cache/peers/org; run npm run bench:peers once\n");
  process.exit(2);
}

const ESTREE = new Set(["javascript", "typescript", "tsx"]);
const registry = await createLanguageRegistry();
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === ".git" || entry.name === "node_modules") continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile() && ESTREE.has(registry.languageOf(full)) && !full.endsWith(".d.ts"))
      files.push({ path: full.slice(org.length + 1), absPath: full, maxBytes: 1024 * 1024 });
  }
};
walk(org);

// ---- the probe lexer -------------------------------------------------------------------------------------
const KEYWORDS =
  "break case catch class const continue debugger default delete do else export extends finally for function if import in instanceof new return super switch this throw try typeof var void while with yield let static async await of interface type enum implements private protected public readonly abstract declare namespace as";
const keywordCode = new Map(KEYWORDS.split(" ").map((word, i) => [word, 1000 + i]));
const NAME = 1;
const NUMBER = 2;
const STRING = 3;
const TEMPLATE = 4;
const REGEX = 5;
const isNameStart = (c) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c > 127;
const isNamePart = (c) => isNameStart(c) || (c >= 48 && c <= 57);
// After these a `/` starts a regex, not a division.
const BEFORE_VALUE = new Set([
  40, 44, 61, 58, 91, 33, 38, 124, 63, 123, 125, 59, 43, 45, 42, 37, 60, 62, 126, 94,
]);
// Characters that start an operator of two or three (`===`, `&&=`, `=>`, `>>>`, `...`).
const PAIRABLE = new Set([61, 33, 60, 62, 38, 124, 43, 45, 42, 37, 94, 63, 46]);

/** Normalised token codes of `text` into `out`; returns how many. */
function lex(text, out) {
  const n = text.length;
  let i = 0;
  let count = 0;
  let valueNext = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
      continue;
    }
    if (c === 47) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        const end = text.indexOf("\n", i);
        i = end < 0 ? n : end;
        continue;
      }
      if (d === 42) {
        const end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if (valueNext) {
        i++;
        let inClass = false;
        while (i < n) {
          const r = text.charCodeAt(i);
          if (r === 92) i += 2;
          else if (r === 10) break;
          else {
            if (r === 91) inClass = true;
            else if (r === 93) inClass = false;
            else if (r === 47 && !inClass) {
              i++;
              break;
            }
            i++;
          }
        }
        while (i < n && isNamePart(text.charCodeAt(i))) i++;
        out[count++] = REGEX;
        valueNext = false;
        continue;
      }
    }
    if (isNameStart(c)) {
      const start = i++;
      while (i < n && isNamePart(text.charCodeAt(i))) i++;
      const word = text.slice(start, i);
      const keyword = keywordCode.get(word);
      out[count++] = keyword ?? NAME;
      valueNext = keyword !== undefined && word !== "this" && word !== "super";
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) {
      i++;
      while (i < n && (isNamePart(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
      out[count++] = NUMBER;
      valueNext = false;
      continue;
    }
    if (c === 34 || c === 39) {
      i++;
      while (i < n) {
        const r = text.charCodeAt(i);
        if (r === 92) {
          i += 2;
          continue;
        }
        i++;
        if (r === c || r === 10) break;
      }
      out[count++] = STRING;
      valueNext = false;
      continue;
    }
    if (c === 96) {
      i++;
      let depth = 0;
      while (i < n) {
        const r = text.charCodeAt(i);
        if (r === 92) {
          i += 2;
          continue;
        }
        if (r === 96 && depth === 0) {
          i++;
          break;
        }
        if (r === 36 && text.charCodeAt(i + 1) === 123) {
          depth++;
          i += 2;
          continue;
        }
        if (r === 125 && depth > 0) depth--;
        i++;
      }
      out[count++] = TEMPLATE;
      valueNext = false;
      continue;
    }
    // A punctuator of one to three characters, coded by its characters.
    let length = 1;
    const d = text.charCodeAt(i + 1);
    if (PAIRABLE.has(c) && (d === 61 || d === c || d === 62)) {
      length = 2;
      const e = text.charCodeAt(i + 2);
      if (e === 61 || e === 62 || e === 46) length = 3;
    }
    let code = 0;
    for (let k = 0; k < length; k++) code = code * 131 + text.charCodeAt(i + k);
    out[count++] = 2000 + (code & 0xffff);
    valueNext = BEFORE_VALUE.has(c);
    i += length;
  }
  return count;
}

const K = 25;
let kPower = 1;
for (let k = 0; k < K; k++) kPower = Math.imul(kPower, 31) >>> 0;
/** Rolling hashes of every K tokens, folded into one number so the work cannot be optimised away. */
function kgramFold(tokens, count) {
  let hash = 0;
  let fold = 0;
  for (let j = 0; j < count; j++) {
    hash = (Math.imul(hash, 31) + tokens[j]) >>> 0;
    if (j >= K) hash = (hash - Math.imul(tokens[j - K], kPower)) >>> 0;
    if (j >= K - 1) fold ^= hash;
  }
  return fold;
}

// ---- the measurements ------------------------------------------------------------------------------------
const decoder = new TextDecoder();
const readText = (file) => decoder.decode(readFileSync(file.absPath));
const buffer = new Uint32Array(8 * 1024 * 1024);
const definitions = await loadConcernDefinitions([builtinConcernsDir], root, new DiagnosticLog());
// The scan's own concern matcher (the engine loads on first use, as in a parse worker).
const matching = await loadMatcher({ definitions, goldenPackages: [] });
const oxcOptions = (path) => ({
  lang: path.endsWith(".ts") ? "ts" : path.endsWith(".tsx") ? "tsx" : "jsx",
  sourceType: "unambiguous",
  preserveParens: false,
});

let tokenCount = 0;
let chars = 0;
const passes = {
  read: () => {
    let length = 0;
    for (const file of files) length += readText(file).length;
    return length;
  },
  tokens: () => {
    let fold = 0;
    tokenCount = 0;
    for (const file of files) {
      const count = lex(readText(file), buffer);
      tokenCount += count;
      fold ^= kgramFold(buffer, count);
    }
    return fold;
  },
  oxc: () => {
    for (const file of files) {
      const result = parseSync(file.path, readText(file), oxcOptions(file.path));
      JSON.parse(result.program);
    }
  },
  lineitem: () => {
    for (const file of files) readAndParse({ ...file, matchConcerns: true }, registry, matching);
  },
};
for (const file of files) chars += readText(file).length;

const times = Object.fromEntries(Object.keys(passes).map((name) => [name, []]));
// One warm-up round, then alternate the passes in every round so noise hits them alike.
for (const pass of Object.values(passes)) pass();
for (let run = 0; run < runs; run++) {
  for (const [name, pass] of Object.entries(passes)) {
    const start = process.hrtime.bigint();
    pass();
    times[name].push(Number(process.hrtime.bigint() - start) / 1e9);
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const lineitem = median(times.lineitem);
console.log(
  `\n${files.length} JavaScript and TypeScript files, ${(chars / 1e6).toFixed(1)} M characters, ${tokenCount.toLocaleString("en-US")} tokens; one core, median of ${runs} alternating rounds (node ${process.version})`,
);
console.log("pass       seconds   M chars/s   share of lineitem's per-file work");
for (const name of Object.keys(passes)) {
  const s = median(times[name]);
  console.log(
    `${name.padEnd(10)} ${s.toFixed(3).padStart(7)}   ${(chars / 1e6 / s).toFixed(1).padStart(9)}   ${(s / lineitem).toFixed(3).padStart(6)}`,
  );
}

// The files the concern engine could match anything in: the rest would need no AST for concerns.
let possibleFiles = 0;
let possibleChars = 0;
let readFiles = 0;
let readChars = 0;
for (const file of files) {
  const outcome = readAndParse({ ...file, matchConcerns: false }, registry, null);
  if (!outcome.ok) continue;
  const { parsed } = outcome;
  readFiles++;
  readChars += outcome.bytes;
  // The path in its repository (the org's first folder is the repository), as the scan gives it.
  // The path in its repository (the org's first folder is the repository), as the scan gives it.
  const concernFile = {
    path: file.path.slice(file.path.indexOf("/") + 1),
    language: parsed.language,
    imports: parsed.imports,
    units: parsed.units,
  };
  if (concernsPossibleIn(concernFile, definitions).length > 0) {
    possibleFiles++;
    possibleChars += outcome.bytes;
  }
}
console.log(
  `files some concern could match (the file-level test): ${possibleFiles} of ${readFiles} (${((100 * possibleFiles) / readFiles).toFixed(1)}%), ${((100 * possibleChars) / readChars).toFixed(1)}% of the bytes`,
);
