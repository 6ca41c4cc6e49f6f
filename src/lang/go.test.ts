import { describe, expect, it } from "vitest";
import { languageKit } from "../../test/helpers/lang.js";

const { parse, unit, shape, bound } = languageKit("pkg/file.go", "package pkg\n");

describe("Go units", () => {
  it("finds funcs, methods with their receiver type, and declaration blocks", () => {
    const file = parse(`
import "net/http"

const maxAttempts = 4

type Client struct {
	http *http.Client
}

func New() *Client { return &Client{} }

func (c *Client) Do(req *http.Request) (*http.Response, error) {
	return c.http.Do(req)
}

var Default = New()
`);
    expect(shape(file)).toEqual([
      ["maxAttempts", "block", 5, 9],
      ["New", "function", 11, 11],
      ["Client.Do", "method", 13, 15],
      ["Default", "block", 17, 17],
    ]);
    expect(unit(file, "Client.Do").parent).toBe("Client");
    // The block says which of its names are types: a method names its receiver's type without using the
    // constant declared beside it.
    expect(unit(file, "maxAttempts").declares).toEqual(["maxAttempts", "Client"]);
    expect(unit(file, "maxAttempts").types).toEqual(["Client"]);
    expect(unit(file, "Default").types).toBeUndefined();
  });

  it("declares no blank name: `var _ I = (*T)(nil)` is not a name any unit can use", () => {
    const file = parse(`
var _ Operations = (*DefaultOperations)(nil)

type DefaultOperations struct {
	limiter chan struct{}
}
`);
    expect(file.units).toHaveLength(1);
    expect(unit(file, "DefaultOperations").declares).toEqual(["DefaultOperations"]);
    expect(unit(file, "DefaultOperations").types).toEqual(["DefaultOperations"]);
  });
});

describe("Go tokens", () => {
  it("gives a renamed, re-valued copy the same stream", () => {
    const a = parse(
      `func Sum(xs []int) int {\n\ttotal := 0\n\tfor _, x := range xs {\n\t\ttotal += x * 2\n\t}\n\treturn total\n}`,
    );
    const b = parse(
      `func Add(ys []int) int {\n\tacc := 7\n\tfor _, y := range ys {\n\t\tacc += y * 9\n\t}\n\treturn acc\n}`,
    );
    const c = parse(
      `func Add(ys []int) int {\n\tacc := 7\n\tfor _, y := range ys {\n\t\tacc -= y * 9\n\t}\n\treturn acc\n}`,
    );
    expect(b.units[0]?.tokens).toEqual(a.units[0]?.tokens);
    expect(c.units[0]?.tokens).not.toEqual(a.units[0]?.tokens);
  });
});

describe("Go calls", () => {
  it("records callees as written, without the method receiver, composite literals as constructors", () => {
    const file = parse(`
func (c *Client) Get(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.url, nil)
	time.Sleep(time.Second)
	client := &http.Client{Timeout: time.Second}
	resp, err := c.http.Do(req)
	c.Get(ctx)
	return json.NewDecoder(resp.Body).Decode(&out)
}`);
    expect(unit(file, "Client.Get").calls).toEqual([
      "http.NewRequestWithContext",
      "time.Sleep",
      "http.Client",
      "http.Do",
      "Get",
      "Decode",
      "json.NewDecoder",
    ]);
    // The lines each is made on: the composite literal's type (a constructor) on its own line.
    expect(unit(file, "Client.Get").callLines).toEqual([[4], [5], [6], [7], [8], [9], [9]]);
    expect(unit(file, "Client.Get").flags).toContain("recursion");
  });
});

describe("Go literals", () => {
  it("binds constants, composite fields, expressions and struct tags", () => {
    const file = parse(`
const maxAttempts = 4

const (
	a, b    = 1, "two"
	Backoff = 200 * time.Millisecond
)

var DefaultClient = &http.Client{Timeout: 15 * time.Second, Transport: &Retry{Codes: []int{502, 503}}}

type Event struct {
	Actor string \`json:"actor,omitempty" db:"actor"\`
	Skip  string \`json:"-"\`
	Raw   string
}
`);
    const block = unit(file, "maxAttempts");
    expect(bound(block)).toEqual([
      ["number", 4, "maxAttempts"],
      ["number", 1, "a"],
      ["string", "two", "b"],
      ["expression", "200 * time.Millisecond", "Backoff"],
      ["expression", "15 * time.Second", "Timeout"],
      ["number", 502, "Codes"],
      ["number", 503, "Codes"],
    ]);
    expect(block.keys).toEqual(["Timeout", "Transport", "Codes", "actor"]);
    expect(block.calls).toEqual(["http.Client", "Retry"]);
  });

  it("leaves strings in calls unbound and binds assignments and map literals", () => {
    const file = parse(`
func Handle(w http.ResponseWriter, r *http.Request) {
	id := r.Header.Get("X-Request-ID")
	w.Header().Set("X-Client", "ledger")
	limit, offset := 20, -1
	headers := map[string]string{"x-client": "ledger-api"}
	raw := \`C:\\path\`
	headers["x-trace"] = "on"
}`);
    expect(bound(unit(file, "Handle"))).toEqual([
      ["string", "X-Request-ID", undefined],
      ["string", "X-Client", undefined],
      ["string", "ledger", undefined],
      ["number", 20, "limit"],
      ["number", -1, "offset"],
      ["string", "ledger-api", "x-client"],
      ["string", "C:\\path", "raw"],
      ["string", "on", "x-trace"],
    ]);
    expect(unit(file, "Handle").keys).toEqual(["x-client"]);
  });
});

describe("Go flags", () => {
  it("reads error checks as catch, error returns and panics as throw, receives as await", () => {
    const file = parse(`
func Fetch(ctx context.Context) (int, error) {
	for {
		n, err := read()
		if err != nil {
			return 0, fmt.Errorf("read: %w", err)
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		default:
		}
		if n > 0 {
			return n, nil
		}
	}
}

func mustLoad() {
	if cfg == nil {
		panic("no config")
	}
}

func wrap(err error) error {
	return err
}

func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}
`);
    expect(unit(file, "Fetch").flags).toEqual(["loop", "branch", "catch", "await", "throw", "exported"]);
    expect(unit(file, "mustLoad").flags).toEqual(["branch", "throw"]);
    expect(unit(file, "wrap").flags).toEqual(["throw"]);
    expect(unit(file, "Middleware").flags).toEqual(["returns-function", "exported"]);
  });
});

describe("Go imports and errors", () => {
  it("reads single, grouped, aliased and blank imports", () => {
    const file = parse(`
import "fmt"

import (
	"context"
	nethttp "net/http"
	_ "embed"
)
`);
    expect(file.imports).toEqual([
      { module: "fmt", names: [], line: 3 },
      { module: "context", names: [], line: 6 },
      { module: "net/http", names: ["nethttp"], line: 7 },
      { module: "embed", names: ["_"], line: 8 },
    ]);
  });

  it("still yields the units around a syntax error and reports it", () => {
    const file = parse(`
func Before() int { return 1 }

func Broken() int {
	x := 1 +
}

func After() int { return 2 }
`);
    expect(file.units.map((u) => u.name)).toEqual(["Before", "Broken", "After"]);
    expect(file.problems.length).toBeGreaterThan(0);
    expect(file.problems[0]?.line).toBe(6);
  });
});
