import { describe, expect, it } from "vitest";
import { languageKit } from "../../test/helpers/lang.js";

const { parse, unit, shape, bound } = languageKit("pkg/module.py");

describe("Python units", () => {
  it("finds defs, classes, methods and blocks; nested defs stay in their unit", () => {
    const file = parse(`"""Module docstring."""
import logging

logger = logging.getLogger(__name__)
TIMEOUT = 5

def retry(times=3):
    def decorator(fn):
        def wrapper(*args):
            return fn(*args)
        return wrapper
    return decorator

@dataclass
class Client:
    """Docstring."""
    retries = 2

    def __init__(self, url):
        self.url = url

    @retry(times=5)
    async def get(self, path):
        return await self.session.get(self.url + path)

if __name__ == "__main__":
    main()
`);
    expect(shape(file)).toEqual([
      ["logger", "block", 4, 5],
      ["retry", "function", 7, 12],
      ["Client", "class", 14, 24],
      ["Client.__init__", "method", 19, 20],
      ["Client.get", "method", 22, 24],
      ["<module>", "block", 26, 27],
    ]);
    expect(unit(file, "Client.get").parent).toBe("Client");
    expect(unit(file, "retry").identifiers).toContain("wrapper");
    const cls = unit(file, "Client");
    expect(cls.identifiers).toEqual(["dataclass", "Client", "retries"]);
    expect(cls.literals).toEqual([{ kind: "number", value: 2, name: "retries", line: 17 }]);
  });
});

describe("Python tokens", () => {
  it("gives a renamed, re-valued copy the same stream, and ignores annotations and docstrings", () => {
    const a = parse(
      `def fetch(url: str, retries: int = 3) -> dict:\n    """Doc."""\n    return get(url, n=retries * 2)\n`,
    );
    const b = parse("def load(path, attempts=9):\n    return get(path, n=attempts * 4)\n");
    expect(b.units[0]?.tokens).toEqual(a.units[0]?.tokens);
    expect(a.units[0]?.identifiers).toEqual(["fetch", "url", "retries", "get", "n"]);
    const c = parse("def load(path, attempts=9):\n    return get(path, n=attempts + 4)\n");
    expect(c.units[0]?.tokens).not.toEqual(a.units[0]?.tokens);
  });
});

describe("Python calls", () => {
  it("records callees as written, without self. or cls.", () => {
    const file = parse(`class S(Base):
    def run(self):
        super().__init__()
        session = requests.Session()
        log = logging.getLogger(__name__)
        self.session.get("/x")
        cls.build()
        time.sleep(1)
        client.get().json()
`);
    expect(unit(file, "S.run").calls).toEqual([
      "super.__init__",
      "super",
      "requests.Session",
      "logging.getLogger",
      "session.get",
      "build",
      "time.sleep",
      "json",
      "client.get",
    ]);
    const init = parse("class A(B):\n    def __init__(self):\n        super().__init__()\n").units[1];
    expect(init?.flags).toEqual([]);
  });
});

describe("Python literals", () => {
  it("binds defaults, keyword arguments, constants, dict keys and expressions", () => {
    const file = parse(`MAX_RETRIES = 3
WINDOW = 30 * 1000
HEADERS = {"X-Client": "billing", "Accept": "application/json"}

def retry(max_attempts=3, backoff_seconds=0.5, *, jitter: float = -0.1):
    requests.get(url, timeout=(3.05, 10), headers={"X-Request-ID": rid})
    value = request.headers["X-Request-ID"]
    self.delay = 250
    name = f"retry-{attempt}-of-{max_attempts}"
    a, b = 1, "two"
`);
    expect(bound(unit(file, "MAX_RETRIES"))).toEqual([
      ["number", 3, "MAX_RETRIES"],
      ["expression", "30 * 1000", "WINDOW"],
      ["string", "billing", "X-Client"],
      ["string", "application/json", "Accept"],
    ]);
    expect(unit(file, "MAX_RETRIES").keys).toEqual(["X-Client", "Accept"]);
    expect(bound(unit(file, "retry"))).toEqual([
      ["number", 3, "max_attempts"],
      ["number", 0.5, "backoff_seconds"],
      ["number", -0.1, "jitter"],
      ["number", 3.05, "timeout"],
      ["number", 10, "timeout"],
      ["string", "X-Request-ID", undefined],
      ["number", 250, "delay"],
      ["string", "retry-", "name"],
      ["string", "-of-", "name"],
      ["number", 1, "a"],
      ["string", "two", "b"],
    ]);
    expect(unit(file, "retry").keys).toEqual(["X-Request-ID"]);
  });
});

describe("Python flags", () => {
  it("raises structural flags", () => {
    const file = parse(`async def poll(client):
    while True:
        try:
            return await client.get()
        except TimeoutError:
            raise
    poll(client)

def _private():
    for x in []:
        pass

def decorator(fn):
    def wrapper():
        return fn()
    return wrapper

make = lambda: 1
`);
    expect(unit(file, "poll").flags).toEqual([
      "loop",
      "try",
      "catch",
      "await",
      "async",
      "recursion",
      "throw",
      "exported",
    ]);
    expect(unit(file, "_private").flags).toEqual(["loop"]);
    expect(unit(file, "decorator").flags).toEqual(["returns-function", "exported"]);
  });

  it("sees recursion in a nested def that calls itself", () => {
    const file = parse(`def fetch_all(client):
    def page(n):
        items = client.get(n)
        return items + page(n + 1) if items else items
    return page(0)
`);
    expect(unit(file, "fetch_all").flags).toContain("recursion");
  });

  it("takes exports from __all__ when a module defines it", () => {
    const file = parse(
      `__all__ = ["public_one"]\n\ndef public_one():\n    pass\n\ndef also_public():\n    pass\n`,
    );
    expect(unit(file, "public_one").flags).toEqual(["exported"]);
    expect(unit(file, "also_public").flags).toEqual([]);
  });
});

describe("Python imports", () => {
  it("reads every import form, at module level and inside functions", () => {
    const file = parse(`import os.path, json as j
from requests.adapters import HTTPAdapter, Retry as R
from . import sibling
from ..pkg.mod import thing
from typing import *
from __future__ import annotations

def lazy():
    import yaml
    return yaml
`);
    expect(file.imports).toEqual([
      { module: "os.path", names: [], line: 1 },
      { module: "json", names: [], line: 1 },
      { module: "requests.adapters", names: ["HTTPAdapter", "Retry"], line: 2 },
      { module: ".", names: ["sibling"], line: 3 },
      { module: "..pkg.mod", names: ["thing"], line: 4 },
      { module: "typing", names: ["*"], line: 5 },
      { module: "__future__", names: ["annotations"], line: 6 },
      { module: "yaml", names: [], line: 9 },
    ]);
  });
});

describe("Python errors", () => {
  it("still yields the units around a syntax error and reports it", () => {
    const file = parse(`def before():
    return 1

def broken():
    x = (1 +
    return x

def after():
    return 2
`);
    expect(file.units.map((u) => u.name)).toEqual(["before", "broken", "after"]);
    expect(file.problems.length).toBeGreaterThan(0);
    expect(file.problems[0]?.line).toBeGreaterThanOrEqual(4);
    expect(file.problems[0]?.line).toBeLessThanOrEqual(6);
  });

  it("counts lines in UTF-16 units after non-ASCII text", () => {
    const file = parse(`GREETING = "héllo 😀 世界"\n# 🚀🚀\ndef after():\n    return "naïve ☕"\n`);
    expect(shape(file)).toEqual([
      ["GREETING", "block", 1, 1],
      ["after", "function", 3, 4],
    ]);
    expect(unit(file, "GREETING").literals[0]?.value).toBe("héllo 😀 世界");
    expect(unit(file, "after").literals).toEqual([{ kind: "string", value: "naïve ☕", line: 4 }]);
  });
});
