// Async functions compiled to ES5 state machines (TypeScript's __generator, Babel's regenerator) keep the
// flags of the source they came from: a jump back to an earlier step is a loop, the driver's await is an
// await, a protected region is a try with its catch.
import { describe, expect, it } from "vitest";
import { languageKit } from "../../test/helpers/lang.js";

const { parse, unit } = languageKit("dist/backoff.js");

const flagsOf = (text: string, name: string) => [...unit(parse(text), name).flags].sort();

describe("Compiled async state machines", () => {
  it("reads TypeScript's __generator retry loop as a loop that awaits, tries and catches", () => {
    const text = `
Backoff.prototype.execute = function () {
    return __awaiter(this, void 0, void 0, function () {
        var e_1;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    if (!!this.done) return [3 /*break*/, 7];
                    _a.label = 1;
                case 1:
                    _a.trys.push([1, 4, , 6]);
                    return [4 /*yield*/, this.request()];
                case 2: return [2 /*return*/, _a.sent()];
                case 4:
                    e_1 = _a.sent();
                    this.attempt++;
                    return [3 /*break*/, 6];
                case 6: return [3 /*break*/, 0];
                case 7: throw new Error("gave up");
            }
        });
    });
};`;
    expect(flagsOf(text, "Backoff.execute")).toEqual(["await", "branch", "catch", "loop", "throw", "try"]);
  });

  it("reads a machine that only moves forward as no loop", () => {
    const text = `
function load() {
    return __generator(this, function (_a) {
        switch (_a.label) {
            case 0: return [4 /*yield*/, fetchAll()];
            case 1:
                _a.sent();
                return [3 /*break*/, 3];
            case 2: return [2 /*return*/];
            case 3: return [2 /*return*/];
        }
    });
}`;
    expect(flagsOf(text, "load")).toEqual(["await"]);
  });

  it("reads Babel's regenerator jump back to step 0 as a loop, its catch as a try and catch", () => {
    const text = `
function poll() {
  return _regeneratorRuntime().wrap(function _callee$(_context) {
    while (1) switch (_context.prev = _context.next) {
      case 0:
        _context.prev = 0;
        _context.next = 3;
        return check();
      case 3:
        return _context.abrupt("return", _context.sent);
      case 6:
        _context.prev = 6;
        _context.t0 = _context["catch"](0);
        _context.next = 0;
        break;
    }
  }, _callee, null, [[0, 6]]);
}`;
    // (`while (1)` is Babel's own driver loop, flagged as any while is; the jump back is what the
    // test is about, so it is checked on a machine without the while below.)
    expect(flagsOf(text, "poll")).toContain("loop");
    const noWhile = text.replace("while (1) switch", "switch");
    expect(flagsOf(noWhile, "poll")).toEqual(["catch", "loop", "try"]);
  });

  it("leaves an ordinary switch over a label field alone when nothing jumps back", () => {
    const text = `
function describe(node) {
  switch (node.label) {
    case 1: return [3, 4];
    case 2: return ["a", "b"];
  }
}`;
    expect(flagsOf(text, "describe")).toEqual([]);
  });
});
