// Package audit records who changed what, for warehouse and carrier disputes.
package audit

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"sync"
	"time"
)

// Entry is one audit record.
type Entry struct {
	Actor    string            `json:"actor"`
	Action   string            `json:"action"`
	Resource string            `json:"resource"`
	At       time.Time         `json:"at"`
	Details  map[string]string `json:"details,omitempty"`
}

type actorKey struct{}

// WithActor stores the acting user or system in ctx.
func WithActor(ctx context.Context, actor string) context.Context {
	return context.WithValue(ctx, actorKey{}, actor)
}

// ActorFrom returns the actor stored in ctx, or "system".
func ActorFrom(ctx context.Context) string {
	if a, ok := ctx.Value(actorKey{}).(string); ok && a != "" {
		return a
	}
	return "system"
}

var (
	mu  sync.Mutex
	out io.Writer = os.Stderr
	enc           = json.NewEncoder(out)
)

// SetOutput redirects audit records (tests, or a file shipped separately).
func SetOutput(w io.Writer) {
	mu.Lock()
	defer mu.Unlock()
	out = w
	enc = json.NewEncoder(w)
}

// Record writes e as one JSON line. Actor and At are filled in when empty.
func Record(ctx context.Context, e Entry) {
	if e.Actor == "" {
		e.Actor = ActorFrom(ctx)
	}
	if e.At.IsZero() {
		e.At = time.Now().UTC()
	}
	mu.Lock()
	defer mu.Unlock()
	_ = enc.Encode(e)
}
