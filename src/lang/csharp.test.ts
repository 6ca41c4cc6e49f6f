import { describe, expect, it } from "vitest";
import { languageKit } from "../../test/helpers/lang.js";

const { parse, unit, shape, bound } = languageKit("src/Acme/Client.cs");

describe("C# units", () => {
  it("finds types in block and file-scoped namespaces, with their methods, and top-level statements; signatures only make a type", () => {
    const block = parse(`using System;

namespace Acme.Http
{
    public class Client
    {
        private const int MaxRetries = 3;

        public Client(string baseUrl) { }

        public string Get(string path) => path;

        private class Cache { void Clear() { } }
    }

    public interface IClient { string Get(string path); }

    public record Point(int X, int Y);

    public struct Size { public int Area() => 0; }
}
`);
    expect(shape(block)).toEqual([
      ["Client", "class", 5, 14],
      ["Client.constructor", "method", 9, 9],
      ["Client.Get", "method", 11, 11],
      ["Client.Cache", "class", 13, 13],
      ["Client.Cache.Clear", "method", 13, 13],
      ["IClient", "type", 16, 16],
      ["Point", "class", 18, 18],
      ["Size", "class", 20, 20],
      ["Size.Area", "method", 20, 20],
    ]);
    expect(unit(block, "Client").literals).toEqual([
      { kind: "number", value: 3, name: "MaxRetries", line: 7 },
    ]);

    const scoped = parse(
      "namespace Acme.Http;\n\npublic static class Retry\n{\n    public static void Run() { }\n}\n",
    );
    expect(shape(scoped)).toEqual([
      ["Retry", "class", 3, 6],
      ["Retry.Run", "method", 5, 5],
    ]);

    const program = parse(
      `using System;\n\nvar builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\n\nstatic int Twice(int x) => x * 2;\n`,
    );
    expect(shape(program)).toEqual([
      ["builder", "block", 3, 4],
      ["Twice", "function", 6, 6],
    ]);
    expect(unit(program, "builder").declares).toEqual(["builder", "app"]);

    const generic = parse(
      "public class Policy { }\npublic class Policy<TResult> { public void Execute() { } }\n",
    );
    expect(shape(generic)).toEqual([
      ["Policy", "class", 1, 1],
      ["Policy<TResult>", "class", 2, 2],
      ["Policy<TResult>.Execute", "method", 2, 2],
    ]);
  });

  it("exports public members of public types; interface members are public by default", () => {
    const file = parse(`public class A
{
    public void Open() { }
    void Hidden() { }
    internal void Assembly() { }
    public class Inner { public void Run() { } }
}
public interface IB { void Call(); string Name() => "b"; }
internal class C { public void Run() { } }
`);
    const exported = file.units.filter((u) => u.flags.includes("exported")).map((u) => u.name);
    expect(exported).toEqual(["A", "A.Open", "A.Inner", "A.Inner.Run", "IB", "IB.Call", "IB.Name"]);
  });
});

describe("C# tokens", () => {
  it("gives a renamed, re-valued copy the same stream, but not a changed operator", () => {
    const a = parse(
      "class A { int Sum(int[] xs) { var t = 0; foreach (var x in xs) { t += x * 2; } return t; } }",
    );
    const b = parse(
      "class B { int Add(int[] ys) { var s = 7; foreach (var y in ys) { s += y * 9; } return s; } }",
    );
    const c = parse(
      "class B { int Add(int[] ys) { var s = 7; foreach (var y in ys) { s -= y * 9; } return s; } }",
    );
    expect(b.units[1]?.tokens).toEqual(a.units[1]?.tokens);
    expect(c.units[1]?.tokens).not.toEqual(a.units[1]?.tokens);
  });
});

describe("C# calls", () => {
  it("records callees as written, without this., constructors by type", () => {
    const file = parse(`class Client : Base
{
    public Client(HttpClient http) : base(http) { }

    async Task<string> GetAsync(string path)
    {
        var http = new HttpClient(new SocketsHttpHandler());
        var list = new List<string>();
        this.audit.Record(path);
        base.Log(path);
        client?.Close();
        services.AddHttpClient<IApi, Api>();
        await Task.Delay(100);
        return await GetAsync(path.Trim());
    }
}`);
    expect(unit(file, "Client.constructor").calls).toEqual(["base"]);
    const get = unit(file, "Client.GetAsync");
    expect(get.calls).toEqual([
      "HttpClient",
      "SocketsHttpHandler",
      "List",
      "audit.Record",
      "base.Log",
      "client.Close",
      "services.AddHttpClient",
      "Task.Delay",
      "GetAsync",
      "path.Trim",
    ]);
    expect(get.flags).toEqual(["await", "async", "recursion"]);
  });
});

describe("C# literals", () => {
  it("binds constants, fields, properties, initialisers, named and default arguments", () => {
    const file = parse(`class Settings
{
    public const int MaxRetries = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly int _window = 60 * 1000;
    private readonly int[] Codes = { 502, 503 };
    public string Region { get; set; } = "eu-west-1";
    private readonly string _path = @"C:\\logs";

    [Retry(3, Delay = 250)]
    void Call(int retries = 2, double jitter = -0.5)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10), MaxResponseContentBufferSize = 1024 };
        var headers = new Dictionary<string, string> { ["X-Request-Id"] = id, { "Accept", "application/json" } };
        var anon = new { Service = "billing", Port = 8080 };
        Connect(host, timeout: 5000, verbose: true);
        var greeting = $"hello, {name}!";
    }
}`);
    expect(bound(unit(file, "Settings"))).toEqual([
      ["number", 3, "MaxRetries"],
      ["expression", "TimeSpan.FromSeconds(30)", "Timeout"],
      ["expression", "60 * 1000", "_window"],
      ["number", 502, "Codes"],
      ["number", 503, "Codes"],
      ["string", "eu-west-1", "Region"],
      ["string", "C:\\logs", "_path"],
    ]);
    const call = unit(file, "Settings.Call");
    expect(bound(call)).toEqual([
      ["number", 3, undefined],
      ["number", 250, "Delay"],
      ["number", 2, "retries"],
      ["number", -0.5, "jitter"],
      ["expression", "TimeSpan.FromSeconds(10)", "Timeout"],
      ["number", 1024, "MaxResponseContentBufferSize"],
      ["string", "application/json", "Accept"],
      ["string", "billing", "Service"],
      ["number", 8080, "Port"],
      ["number", 5000, "timeout"],
      ["string", "hello, ", "greeting"],
      ["string", "!", "greeting"],
    ]);
    expect(call.keys).toEqual([
      "Timeout",
      "MaxResponseContentBufferSize",
      "X-Request-Id",
      "Accept",
      "Service",
      "Port",
    ]);
  });

  it("reads serialisation attributes as keys, not values", () => {
    const file = parse(`public class ErrorEnvelope
{
    [JsonPropertyName("error_code")] public string Code { get; set; }
    [JsonProperty(PropertyName = "request_id")] public string RequestId { get; set; }
    [DataMember(Name = "message", Order = 2)] public string Message { get; set; }
    [Obsolete("use Code")] public string Legacy { get; set; }
}`);
    const envelope = unit(file, "ErrorEnvelope");
    expect(envelope.keys).toEqual(["error_code", "request_id", "message"]);
    expect(bound(envelope)).toEqual([["string", "use Code", undefined]]);
  });
});

describe("C# flags", () => {
  it("raises structural flags", () => {
    const file = parse(`public class Retry
{
    public async Task<T> RunAsync<T>(Func<Task<T>> op)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await op(); }
            catch (HttpRequestException) when (attempt < 3) { await Task.Delay(100); }
        }
    }
    Func<int, int> Adder(int n) => x => x + n;
    Func<int> Later() { return () => 1; }
    int Fact(int n) { int Step(int k) => k <= 1 ? 1 : k * Step(k - 1); return Step(n); }
    void Fail() => throw new InvalidOperationException("no");
}`);
    expect(unit(file, "Retry.RunAsync").flags).toEqual([
      "loop",
      "try",
      "catch",
      "await",
      "async",
      "exported",
    ]);
    expect(unit(file, "Retry.Adder").flags).toEqual(["returns-function"]);
    expect(unit(file, "Retry.Later").flags).toEqual(["returns-function"]);
    expect(unit(file, "Retry.Fact").flags).toEqual(["branch", "recursion"]);
    expect(unit(file, "Retry.Fail").flags).toEqual(["throw"]);
  });
});

describe("C# imports and errors", () => {
  it("reads using directives as namespace imports, aliases by their alias", () => {
    const file = parse(`using System;
using System.Net.Http;
using static System.Math;
using Json = Newtonsoft.Json.JsonConvert;
global using System.Linq;

namespace Acme
{
    using Acme.Internal;
}
`);
    expect(file.imports).toEqual([
      { module: "System", names: ["*"], line: 1 },
      { module: "System.Net.Http", names: ["*"], line: 2 },
      { module: "System.Math", names: ["*"], line: 3 },
      { module: "Newtonsoft.Json.JsonConvert", names: ["Json"], line: 4 },
      { module: "System.Linq", names: ["*"], line: 5 },
      { module: "Acme.Internal", names: ["*"], line: 9 },
    ]);
  });

  it("still yields the units around a syntax error and reports it", () => {
    const file = parse(`class A
{
    int Before() { return 1; }

    int Broken()
    {
        var x = 1 +;
        return x;
    }

    int After() { return 2; }
}`);
    expect(file.units.map((u) => u.name)).toEqual(["A", "A.Before", "A.Broken", "A.After"]);
    expect(file.problems[0]?.line).toBe(7);
  });
});
