import { describe, expect, it } from "vitest";
import { languageKit } from "../../test/helpers/lang.js";

const { parse, unit, shape, bound } = languageKit("src/main/kotlin/Acme.kt");

describe("Kotlin units", () => {
  it("finds top-level functions, classes, objects, companions and property blocks; signatures only make a type", () => {
    const file = parse(`package com.acme

import okhttp3.OkHttpClient

const val MAX_ATTEMPTS = 3
private val log = LoggerFactory.getLogger("http")

fun retry(times: Int = MAX_ATTEMPTS) = times

class Client(private val base: String) {
    private val http = OkHttpClient()

    constructor() : this("https://localhost")

    fun get(path: String) = http.get(base + path)

    companion object {
        fun create() = Client()
    }

    class Builder { fun build() = Client() }
}

object Registry { fun all() = listOf<Client>() }

interface Api { fun get(path: String): String }

interface Named { fun name(): String
    fun greet() = "hi " + name() }
`);
    expect(shape(file)).toEqual([
      ["MAX_ATTEMPTS", "block", 5, 6],
      ["retry", "function", 8, 8],
      ["Client", "class", 10, 22],
      ["Client.constructor", "method", 13, 13],
      ["Client.get", "method", 15, 15],
      ["Client.create", "method", 18, 18],
      ["Client.Builder", "class", 21, 21],
      ["Client.Builder.build", "method", 21, 21],
      ["Registry", "class", 24, 24],
      ["Registry.all", "method", 24, 24],
      ["Api", "type", 26, 26],
      ["Named", "class", 28, 29],
      ["Named.name", "method", 28, 28],
      ["Named.greet", "method", 29, 29],
    ]);
    expect(unit(file, "MAX_ATTEMPTS").declares).toEqual(["MAX_ATTEMPTS", "log"]);
    expect(unit(file, "Client").identifiers).toEqual(["Client", "base", "String", "http", "OkHttpClient"]);
  });

  it("exports what is not private, protected or internal", () => {
    const file = parse(`fun open() {}
private fun hidden() {}
internal fun moduleOnly() {}
class A { fun run() {} private fun helper() {} protected fun hook() {} }
private class B { fun run() {} }
val visible = 2
private val secret = 1
`);
    const exported = file.units.filter((u) => u.flags.includes("exported")).map((u) => u.name);
    expect(exported).toEqual(["open", "A", "A.run", "visible"]);
  });
});

describe("Kotlin tokens", () => {
  it("gives a renamed, re-valued copy the same stream, but not a changed operator", () => {
    const a = parse(
      "fun sum(xs: List<Int>): Int {\n    var t = 0\n    for (x in xs) { t += x * 2 }\n    return t\n}",
    );
    const b = parse(
      "fun add(ys: List<Int>): Int {\n    var s = 7\n    for (y in ys) { s += y * 9 }\n    return s\n}",
    );
    const c = parse(
      "fun add(ys: List<Int>): Int {\n    var s = 7\n    for (y in ys) { s -= y * 9 }\n    return s\n}",
    );
    expect(b.units[0]?.tokens).toEqual(a.units[0]?.tokens);
    expect(c.units[0]?.tokens).not.toEqual(a.units[0]?.tokens);
  });
});

describe("Kotlin calls", () => {
  it("records callees as written, without this., chains part by part", () => {
    const file = parse(`class Client {
    fun get(path: String): String {
        val http = OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).build()
        this.audit.record(path)
        super.get(path)
        client?.close()
        return get(path.trim())
    }
}`);
    const get = unit(file, "Client.get");
    expect(get.calls).toEqual([
      "build",
      "connectTimeout",
      "OkHttpClient.Builder",
      "Duration.ofSeconds",
      "audit.record",
      "super.get",
      "client.close",
      "get",
      "path.trim",
    ]);
    expect(get.flags).toContain("recursion");
  });
});

describe("Kotlin literals", () => {
  it("binds properties, defaults, named arguments, pairs and durations", () => {
    const file = parse(`const val MAX_RETRIES = 3
val timeout = 30.seconds
val window = 60 * 1_000L
val headers = mapOf("Accept" to "application/json", "X-Client" to "billing")

fun call(retries: Int = 2, backoffMs: Long = 250L) {
    val client = Client(baseUrl = "https://api.acme.io", timeout = 5_000)
    client.connect(Duration.ofSeconds(5))
    this.delay = 0.5
    headers["X-Request-Id"] = id
    val greeting = "hello, $name!"
}`);
    const block = unit(file, "MAX_RETRIES");
    expect(bound(block)).toEqual([
      ["number", 3, "MAX_RETRIES"],
      ["expression", "30.seconds", "timeout"],
      ["expression", "60 * 1_000L", "window"],
      ["string", "application/json", "Accept"],
      ["string", "billing", "X-Client"],
    ]);
    expect(block.keys).toEqual(["Accept", "X-Client"]);
    expect(bound(unit(file, "call"))).toEqual([
      ["number", 2, "retries"],
      ["number", 250, "backoffMs"],
      ["string", "https://api.acme.io", "baseUrl"],
      ["number", 5000, "timeout"],
      ["expression", "Duration.ofSeconds(5)", undefined],
      ["number", 0.5, "delay"],
      ["string", "hello, ", "greeting"],
      ["string", "!", "greeting"],
    ]);
    expect(unit(file, "call").keys).toEqual([]);
  });

  it("reads serialisation annotations as keys, not values", () => {
    const file = parse(`@Serializable
data class ErrorEnvelope(
    @SerialName("error_code") val code: String,
    @Json(name = "request_id") val requestId: String? = null,
    val message: String = "internal error",
)`);
    const envelope = unit(file, "ErrorEnvelope");
    expect(envelope.keys).toEqual(["error_code", "request_id"]);
    expect(bound(envelope)).toEqual([["string", "internal error", "message"]]);
  });
});

describe("Kotlin flags", () => {
  it("raises structural flags; suspend is async, await() is await, delay() is just a call", () => {
    const file = parse(`suspend fun <T> retrying(times: Int, block: suspend () -> T): T {
    repeat(times - 1) {
        try {
            return block()
        } catch (e: IOException) {
            delay(100)
        }
    }
    throw IllegalStateException("gave up")
}

suspend fun both(a: Deferred<Int>) = a.await()

fun adder(n: Int): (Int) -> Int = { it + n }

fun countdown(n: Int): Int {
    fun step(k: Int): Int = if (k == 0) 0 else step(k - 1)
    return step(n)
}

private fun visit(items: List<String>) { items.forEach { println(it) } }
`);
    expect(unit(file, "retrying").flags).toEqual(["loop", "try", "catch", "async", "throw", "exported"]);
    expect(unit(file, "both").flags).toEqual(["await", "async", "exported"]);
    expect(unit(file, "adder").flags).toEqual(["returns-function", "exported"]);
    expect(unit(file, "countdown").flags).toEqual(["branch", "recursion", "exported"]);
    expect(unit(file, "visit").flags).toEqual(["loop"]);
  });
});

describe("Kotlin imports and errors", () => {
  it("reads imports like Python's from-imports, aliases by their original name", () => {
    const file = parse(`package com.acme

import java.time.Duration
import kotlinx.coroutines.*
import okhttp3.OkHttpClient as Http
`);
    expect(file.imports).toEqual([
      { module: "java.time", names: ["Duration"], line: 3 },
      { module: "kotlinx.coroutines", names: ["*"], line: 4 },
      { module: "okhttp3", names: ["OkHttpClient"], line: 5 },
    ]);
  });

  it("still yields the units around a syntax error and reports it", () => {
    const file = parse(`fun before() = 1

fun broken(): Int {
    val x = 1 +
}

fun after() = 2
`);
    expect(file.units.map((u) => u.name)).toEqual(["before", "broken", "after"]);
    expect(file.problems[0]?.line).toBe(4);
  });
});
