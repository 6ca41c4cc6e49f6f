// Package retry retries operations with capped exponential backoff.
package retry

import (
	"context"
	"errors"
	"math/rand"
	"time"
)

// Policy controls how often and how long Do retries.
type Policy struct {
	MaxAttempts int
	BaseDelay   time.Duration
	MaxDelay    time.Duration
}

// Default is what the carrier clients use.
var Default = Policy{MaxAttempts: 4, BaseDelay: 250 * time.Millisecond, MaxDelay: 5 * time.Second}

type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// Permanent wraps err so that Do returns it without retrying.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanent{err}
}

// Do calls op until it succeeds, returns a Permanent error, the attempts run
// out, or ctx is done. Delays double from BaseDelay up to MaxDelay, with up to
// 20% jitter.
func Do(ctx context.Context, p Policy, op func(ctx context.Context) error) error {
	if p.MaxAttempts < 1 {
		p.MaxAttempts = 1
	}
	delay := p.BaseDelay
	var err error
	for attempt := 1; ; attempt++ {
		err = op(ctx)
		if err == nil {
			return nil
		}
		var perm permanent
		if errors.As(err, &perm) {
			return perm.err
		}
		if attempt >= p.MaxAttempts {
			return err
		}
		wait := delay + time.Duration(rand.Int63n(int64(delay)/5+1))
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return errors.Join(err, ctx.Err())
		case <-timer.C:
		}
		delay *= 2
		if delay > p.MaxDelay {
			delay = p.MaxDelay
		}
	}
}
