import { describe, expect, it } from "vitest";
import { languageKit } from "../../test/helpers/lang.js";

const { parse, unit, shape, bound } = languageKit("src/main/java/Acme.java");

describe("Java units", () => {
  it("finds classes, nested types, records, enums and interfaces, with their methods; signatures only make a type", () => {
    const file = parse(`package com.acme;

public class Client {
    private static final int MAX_RETRIES = 3;

    public Client() {}

    public String get(String path) { return path; }

    static class Builder {
        Builder timeout(int ms) { return this; }
    }
}

interface Api { String get(String path); }

interface Named { String name(); default String greet() { return "hi " + name(); } }

record Point(int x, int y) { int sum() { return x + y; } }

enum Level { LOW, HIGH; boolean loud() { return this == HIGH; } }
`);
    expect(shape(file)).toEqual([
      ["Client", "class", 3, 13],
      ["Client.constructor", "method", 6, 6],
      ["Client.get", "method", 8, 8],
      ["Client.Builder", "class", 10, 12],
      ["Client.Builder.timeout", "method", 11, 11],
      ["Api", "type", 15, 15],
      ["Named", "class", 17, 17],
      ["Named.name", "method", 17, 17],
      ["Named.greet", "method", 17, 17],
      ["Point", "class", 19, 19],
      ["Point.sum", "method", 19, 19],
      ["Level", "class", 21, 21],
      ["Level.loud", "method", 21, 21],
    ]);
    expect(unit(file, "Client.Builder.timeout").parent).toBe("Client.Builder");
    const cls = unit(file, "Client");
    expect(cls.identifiers).toEqual(["Client", "MAX_RETRIES"]);
    expect(cls.literals).toEqual([{ kind: "number", value: 3, name: "MAX_RETRIES", line: 4 }]);
  });

  it("exports public members of public types; interface members are public by default", () => {
    const file = parse(`public class A {
    public void open() {}
    void packagePrivate() {}
    private void hidden() {}
    public static class Inner { public void run() {} }
}
public interface B { void call(); private void helper() {} }
class C { public void run() {} }
`);
    const exported = file.units.filter((u) => u.flags.includes("exported")).map((u) => u.name);
    expect(exported).toEqual(["A", "A.open", "A.Inner", "A.Inner.run", "B", "B.call"]);
  });
});

describe("Java tokens", () => {
  it("gives a renamed, re-valued copy the same stream, but not a changed operator", () => {
    const a = parse(
      "class A { int sum(int[] xs) { int t = 0; for (int x : xs) { t += x * 2; } return t; } }",
    );
    const b = parse(
      "class B { int add(int[] ys) { int s = 7; for (int y : ys) { s += y * 9; } return s; } }",
    );
    const c = parse(
      "class B { int add(int[] ys) { int s = 7; for (int y : ys) { s -= y * 9; } return s; } }",
    );
    expect(b.units[1]?.tokens).toEqual(a.units[1]?.tokens);
    expect(c.units[1]?.tokens).not.toEqual(a.units[1]?.tokens);
  });
});

describe("Java calls", () => {
  it("records callees as written, without this., constructors by type, chains part by part", () => {
    const file = parse(`class Client {
    String get(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var headers = new HashMap<String, String>();
        this.audit.record(path);
        super.get(path);
        Thread.sleep(100);
        return get(path.trim());
    }
}`);
    const get = unit(file, "Client.get");
    expect(get.calls).toEqual([
      "build",
      "connectTimeout",
      "HttpClient.newBuilder",
      "Duration.ofSeconds",
      "HashMap",
      "audit.record",
      "super.get",
      "Thread.sleep",
      "get",
      "path.trim",
    ]);
    expect(get.flags).toContain("recursion");
  });

  it("does not take a call to the parent's method of the same name for recursion", () => {
    const file = parse("class A extends B { void close() { super.close(); } }");
    expect(unit(file, "A.close").flags).toEqual([]);
  });
});

describe("Java literals", () => {
  it("binds fields, locals, factory values, annotation elements and text blocks", () => {
    const file = parse(`class Config {
    private static final int MAX_RETRIES = 3;
    private static final long BACKOFF_MS = 200L, LIMIT = 0x1F;
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int WINDOW = 60 * 1000;
    static final String[] CODES = {"502", "503"};
    static final String BODY = """
        {"ok": true}
        """;

    @Retryable(maxAttempts = 4, backoff = @Backoff(delay = 500))
    void call() {
        client.connectTimeout(Duration.ofSeconds(5));
        double ratio = -0.5;
        headers["X-Request-Id"] = id;
    }
}`);
    expect(bound(unit(file, "Config"))).toEqual([
      ["number", 3, "MAX_RETRIES"],
      ["number", 200, "BACKOFF_MS"],
      ["number", 31, "LIMIT"],
      ["expression", "Duration.ofSeconds(30)", "TIMEOUT"],
      ["expression", "60 * 1000", "WINDOW"],
      ["string", "502", "CODES"],
      ["string", "503", "CODES"],
      ["string", '{"ok": true}\n', "BODY"],
    ]);
    expect(bound(unit(file, "Config.call"))).toEqual([
      ["number", 4, "maxAttempts"],
      ["number", 500, "delay"],
      ["expression", "Duration.ofSeconds(5)", undefined],
      ["number", -0.5, "ratio"],
    ]);
  });

  it("reads serialisation annotations as keys, not values", () => {
    const file = parse(`record ErrorEnvelope(
    @JsonProperty("error_code") String code,
    @SerializedName(value = "request_id") String requestId,
    @Deprecated(since = "2.0") String message) {}`);
    const envelope = unit(file, "ErrorEnvelope");
    expect(envelope.keys).toEqual(["error_code", "request_id"]);
    expect(bound(envelope)).toEqual([["string", "2.0", "since"]]);
  });
});

describe("Java flags", () => {
  it("raises structural flags", () => {
    const file = parse(`public class Retry {
    public Object run(Callable<Object> op) throws Exception {
        while (true) {
            try (var scope = open()) {
                return op.call();
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
    }
    Runnable later() { return () -> run(null); }
    Function<String, String> trim() { return String::trim; }
    Future<?> submit() { return executor.submit(() -> work()); }
    void fail() { throw new IllegalStateException("no"); }
}`);
    expect(unit(file, "Retry.run").flags).toEqual(["loop", "try", "catch", "exported"]);
    expect(unit(file, "Retry.later").flags).toEqual(["returns-function"]);
    expect(unit(file, "Retry.trim").flags).toEqual(["returns-function"]);
    expect(unit(file, "Retry.submit").flags).toEqual([]);
    expect(unit(file, "Retry.fail").flags).toEqual(["throw"]);
  });
});

describe("Java imports and errors", () => {
  it("reads imports like Python's from-imports: package as module, class as name", () => {
    const file = parse(`package com.acme;

import java.net.http.HttpClient;
import java.util.*;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.Assert.*;
`);
    expect(file.imports).toEqual([
      { module: "java.net.http", names: ["HttpClient"], line: 3 },
      { module: "java.util", names: ["*"], line: 4 },
      { module: "java.util.concurrent.TimeUnit", names: ["SECONDS"], line: 5 },
      { module: "org.junit.Assert", names: ["*"], line: 6 },
    ]);
  });

  it("still yields the units around a syntax error and reports it", () => {
    const file = parse(`class A {
    int before() { return 1; }

    int broken() {
        int x = 1 +;
        return x;
    }

    int after() { return 2; }
}`);
    expect(file.units.map((u) => u.name)).toEqual(["A", "A.before", "A.broken", "A.after"]);
    expect(file.problems[0]?.line).toBe(5);
  });
});
