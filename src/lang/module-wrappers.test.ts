// JavaScript module wrappers (UMD, CoffeeScript's `.call(this)`, ES5 class IIFEs) are read as module level,
// and an ES5 class (a constructor and its prototype's functions) as a class and its methods.
import { describe, expect, it } from "vitest";
import { languageKit } from "../../test/helpers/lang.js";

const { parse, unit, shape } = languageKit("src/file.js");

describe("Module wrappers", () => {
  it("reads a UMD wrapper's factory as module level, its functions units of their own", () => {
    const file = parse(
      `(function (root, factory) {
  if (typeof define === "function") define(factory);
  else root.humanize = factory();
})(this, function () {
  var units = { s: 1000, m: 60000 };
  function pieces(ms) {
    return Object.keys(units).map((u) => Math.floor(ms / units[u]));
  }
  function humanize(ms) {
    return pieces(ms).join(" ");
  }
  return humanize;
});
`,
      "dist/humanize.umd.js",
    );
    expect(shape(file)).toEqual([
      ["<module>", "block", 2, 3],
      ["units", "block", 5, 5],
      ["pieces", "function", 6, 8],
      ["humanize", "function", 9, 11],
      ["<module>", "block", 12, 12],
    ]);
  });

  it("reads CoffeeScript's .call(this) wrapper and a class built inside an assigned wrapper", () => {
    const file = parse(
      `(function() {
  var Store;
  module.exports = Store = (function() {
    class Store {
      constructor(options = {}) { this.data = {}; }
      get(key) { return this.data[key]; }
    }
    Store.prototype.version = 2;
    return Store;
  }).call(this);
}).call(this);
`,
      "lib/store.js",
    );
    expect(shape(file)).toEqual([
      ["Store", "block", 2, 2],
      ["Store", "class", 4, 7],
      ["Store.constructor", "method", 5, 5],
      ["Store.get", "method", 6, 6],
      ["Store.prototype.version", "block", 8, 9],
    ]);
    // Exported through the wrapper's own module.exports.
    expect(unit(file, "Store.get").flags).toContain("exported");
  });

  it("reads TypeScript's ES5 class wrapper, and leaves a wrapper that declares nothing a statement", () => {
    const file = parse(
      `var Client = /** @class */ (function (_super) {
  __extends(Client, _super);
  function Client(baseUrl) { this.baseUrl = baseUrl; }
  Client.prototype.get = function (path) { return fetch(this.baseUrl + path); };
  return Client;
}(Base));
exports.Client = Client;
const isNode = (() => { try { return !!process.versions.node; } catch { return false; } })();
`,
      "dist/client.js",
    );
    expect(shape(file)).toEqual([
      ["<module>", "block", 2, 2],
      ["Client", "class", 3, 3],
      ["Client.get", "method", 4, 4],
      ["<module>", "block", 5, 5],
      ["exports.Client", "block", 7, 8],
    ]);
    expect(unit(file, "Client").flags).toContain("exported");
    expect(unit(file, "Client.get").parent).toBe("Client");
  });

  it("reads an ES5 class: the constructor as the class, the functions on its prototype as its methods", () => {
    const file = parse(
      `function RetryOperation(timeouts) {
  this._timeouts = timeouts;
}
module.exports = RetryOperation;

RetryOperation.prototype.retry = function (err) {
  if (!err) return false;
  setTimeout(this._attempt.bind(this), this._timeouts.shift());
  return true;
};
RetryOperation.prototype.stop = async function () {};
RetryOperation.prototype.name = "retry";
Stream.prototype.pipeTo = function (target) { return target; };
`,
      "lib/retry_operation.js",
    );
    expect(shape(file)).toEqual([
      ["RetryOperation", "class", 1, 3],
      ["module.exports", "block", 4, 4],
      ["RetryOperation.retry", "method", 6, 10],
      ["RetryOperation.stop", "method", 11, 11],
      ["RetryOperation.prototype.name", "block", 12, 12],
      ["Stream.pipeTo", "method", 13, 13],
    ]);
    expect(unit(file, "RetryOperation.retry")).toMatchObject({ parent: "RetryOperation" });
    expect(unit(file, "RetryOperation.retry").flags).toContain("exported");
    expect(unit(file, "RetryOperation.retry").calls).toContain("setTimeout");
    expect(unit(file, "RetryOperation.stop").flags).toEqual(["async", "exported"]);
    // A method put on a prototype the file does not declare stays a method of that name, not exported.
    expect(unit(file, "Stream.pipeTo").flags).toEqual([]);
  });
});
