import { describe, expect, it } from "vitest";
import { languageKit } from "../../test/helpers/lang.js";

const { parse, unit, shape, bound } = languageKit("lib/acme/client.rb");

describe("Ruby units", () => {
  it("finds modules and classes with qualified names, their methods, top-level defs and blocks", () => {
    const file = parse(`require "net/http"

TIMEOUT = 5
client = nil

module Acme
  module Http
    class Client < Base
      RETRIES = 2

      def self.build = new

      def get(path)
        path
      end

      class << self
        def default; end
      end
    end
  end
end

def helper(x)
  x
end
`);
    expect(shape(file)).toEqual([
      ["TIMEOUT", "block", 3, 4],
      ["Acme", "class", 6, 22],
      ["Acme::Http", "class", 7, 21],
      ["Acme::Http::Client", "class", 8, 20],
      ["Acme::Http::Client.build", "method", 11, 11],
      ["Acme::Http::Client.get", "method", 13, 15],
      ["Acme::Http::Client.default", "method", 18, 18],
      ["helper", "function", 24, 26],
    ]);
    expect(unit(file, "Acme::Http::Client.get").parent).toBe("Acme::Http::Client");
    expect(unit(file, "TIMEOUT").declares).toEqual(["TIMEOUT", "client"]);
    const cls = unit(file, "Acme::Http::Client");
    expect(cls.identifiers).toEqual(["Client", "Base", "RETRIES"]);
    expect(cls.literals).toEqual([{ kind: "number", value: 2, name: "RETRIES", line: 9 }]);
  });

  it("exports public methods of classes and modules, never initialize or top-level defs", () => {
    const file = parse(`class A
  def initialize; end
  def open; end
  def self.create; end

  private

  def hidden; end

  public

  def visible_again; end
  def later_private; end
  private :later_private
  protected def guarded; end
end

def script_helper; end
`);
    const exported = file.units.filter((u) => u.flags.includes("exported")).map((u) => u.name);
    expect(exported).toEqual(["A", "A.open", "A.create", "A.visible_again"]);
  });
});

describe("Ruby tokens", () => {
  it("gives a renamed, re-valued copy the same stream, but not a changed operator", () => {
    const a = parse("def sum(xs)\n  t = 0\n  xs.each { |x| t += x * 2 }\n  t\nend\n");
    const b = parse("def add(ys)\n  s = 7\n  ys.each { |y| s += y * 9 }\n  s\nend\n");
    const c = parse("def add(ys)\n  s = 7\n  ys.each { |y| s -= y * 9 }\n  s\nend\n");
    expect(b.units[0]?.tokens).toEqual(a.units[0]?.tokens);
    expect(c.units[0]?.tokens).not.toEqual(a.units[0]?.tokens);
  });
});

describe("Ruby calls", () => {
  it("records callees as Ruby spells them, @ivars as self., setters as writes", () => {
    const file = parse(`class Client
  def get(path)
    @http = Net::HTTP.new(host, 443)
    @http.read_timeout = 10
    request = Net::HTTP::Get.new(path)
    response = @http.request(request)
    self.audit(path)
    super(path)
    sleep 0.5
    JSON.parse(response.body).fetch("data")
    get(path.strip)
  end
end`);
    const get = unit(file, "Client.get");
    expect(get.calls).toEqual([
      "Net::HTTP.new",
      "Net::HTTP::Get.new",
      "http.request",
      "audit",
      "super",
      "sleep",
      "fetch",
      "JSON.parse",
      "response.body",
      "get",
      "path.strip",
    ]);
    expect(get.identifiers).toContain("http");
    expect(get.flags).toContain("recursion");
  });
});

describe("Ruby literals", () => {
  it("binds constants, defaults, keyword arguments, hash entries and durations", () => {
    const file = parse(`MAX_RETRIES = 3
WINDOW = 60 * 1000
HEADERS = { "Accept" => "application/json", user_agent: "billing/1.0", :region => "eu" }.freeze

def call(retries = 2, backoff: 0.25)
  Net::HTTP.start(host, port, use_ssl: true, read_timeout: 10) do |http|
    http.request(req, { "X-Request-Id" => id })
  end
  @timeout = 30.seconds
  @headers["X-Trace"] = "on"
  Logger.new($stdout, level: :info)
  greeting = "hello, #{name}!"
end`);
    const block = unit(file, "MAX_RETRIES");
    expect(bound(block)).toEqual([
      ["number", 3, "MAX_RETRIES"],
      ["expression", "60 * 1000", "WINDOW"],
      ["string", "application/json", "Accept"],
      ["string", "billing/1.0", "user_agent"],
      ["string", "eu", "region"],
    ]);
    expect(block.keys).toEqual(["Accept", "user_agent", "region"]);
    const call = unit(file, "call");
    expect(bound(call)).toEqual([
      ["number", 2, "retries"],
      ["number", 0.25, "backoff"],
      ["number", 10, "read_timeout"],
      ["expression", "30.seconds", "timeout"],
      ["string", "on", "X-Trace"],
      ["string", "info", "level"],
      ["string", "hello, ", "greeting"],
      ["string", "!", "greeting"],
    ]);
    // Keyword arguments are bound like Python's, but only hash entries are keys.
    expect(call.keys).toEqual(["X-Request-Id"]);
  });
});

describe("Ruby flags", () => {
  it("reads rescue as catch, retry and iterators as loops, raise as throw, closures as returned functions", () => {
    const file = parse(`def with_retries(tries: 3)
  attempts = 0
  begin
    yield
  rescue Timeout::Error
    attempts += 1
    retry if attempts < tries
    raise
  end
end

def fetch_all(pages)
  pages.each { |page| load(page) }
rescue IOError => e
  warn(e.message)
end

def middleware(app)
  ->(env) { app.call(env) }
end

def formatter
  proc { |severity, message| "#{severity}: #{message}" }
end

def explicit
  return lambda { |x| x }
end

def walk(node)
  node.children.map { |child| walk(child) }
end
`);
    expect(unit(file, "with_retries").flags).toEqual(["loop", "branch", "try", "catch", "throw"]);
    expect(unit(file, "fetch_all").flags).toEqual(["loop", "try", "catch"]);
    expect(unit(file, "middleware").flags).toEqual(["returns-function"]);
    expect(unit(file, "formatter").flags).toEqual(["returns-function"]);
    expect(unit(file, "explicit").flags).toEqual(["returns-function"]);
    expect(unit(file, "walk").flags).toEqual(["recursion"]);
  });
});

describe("Ruby imports and errors", () => {
  it("reads require and require_relative, at top level and inside methods", () => {
    const file = parse(`require "net/http"
require 'json'
require_relative "retry"
require_relative "../shared/log"

def lazy
  require "yaml"
  YAML
end
`);
    expect(file.imports).toEqual([
      { module: "net/http", names: [], line: 1 },
      { module: "json", names: [], line: 2 },
      { module: "./retry", names: [], line: 3 },
      { module: "../shared/log", names: [], line: 4 },
      { module: "yaml", names: [], line: 7 },
    ]);
  });

  it("still yields the units around a syntax error and reports it", () => {
    const file = parse(`def before
  1
end

def broken
  x = 1 * )
  x
end

def after
  2
end
`);
    expect(file.units.map((u) => u.name)).toEqual(["before", "broken", "after"]);
    expect(file.problems[0]?.line).toBe(6);
  });

  it("keeps the definitions after a lost end, which wraps the whole file in one error", () => {
    const file = parse(`def before
  1
end

def broken(items)
  items.each do |item|
    total += item +
  end
end

def after
  2
end
`);
    expect(file.units.map((u) => u.name)).toEqual(["before", "<module>", "after"]);
    expect(file.problems).toEqual([{ line: 5, message: "syntax error near `def`" }]);
  });
});
