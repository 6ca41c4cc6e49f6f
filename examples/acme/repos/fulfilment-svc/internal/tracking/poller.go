package tracking

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/acme/fulfilment-svc/internal/carrier"
	"github.com/acme/fulfilment-svc/internal/shipment"
)

// Store is the part of shipment.Store the poller needs.
type Store interface {
	InTransit(ctx context.Context, limit int) ([]shipment.Shipment, error)
	UpdateStatus(ctx context.Context, s shipment.Shipment, detail string) error
}

// Publisher tells the rest of the company (notifications, storefront) about
// status changes.
type Publisher interface {
	ShipmentStatusChanged(ctx context.Context, s shipment.Shipment) error
}

// Poller asks carriers about open shipments on an interval.
type Poller struct {
	Store     Store
	Carriers  map[string]carrier.Carrier
	Publisher Publisher
	Interval  time.Duration
	BatchSize int
	Now       func() time.Time
}

// Run polls until ctx is cancelled.
func (p *Poller) Run(ctx context.Context) {
	ticker := time.NewTicker(p.Interval)
	defer ticker.Stop()
	for {
		if n, err := p.PollOnce(ctx); err != nil && !errors.Is(err, context.Canceled) {
			slog.ErrorContext(ctx, "tracking poll failed", "err", err)
		} else {
			slog.InfoContext(ctx, "tracking poll done", "updated", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// PollOnce checks one batch and returns how many shipments changed status.
func (p *Poller) PollOnce(ctx context.Context) (int, error) {
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	batch := p.BatchSize
	if batch <= 0 {
		batch = 200
	}
	open, err := p.Store.InTransit(ctx, batch)
	if err != nil {
		return 0, err
	}
	updated := 0
	for _, s := range open {
		c, ok := p.Carriers[s.Carrier]
		if !ok {
			continue
		}
		events, err := c.Track(ctx, s.TrackingNumber)
		if err != nil {
			slog.WarnContext(ctx, "tracking failed", "shipment", s.ID, "carrier", s.Carrier, "err", err)
			continue
		}
		status, event, ok := Latest(s.Carrier, events)
		if !ok || status == s.Status {
			continue
		}
		if err := s.Move(status, now().UTC()); err != nil {
			slog.WarnContext(ctx, "ignoring tracking status", "shipment", s.ID, "err", err)
			continue
		}
		if err := p.Store.UpdateStatus(ctx, s, event.Description); err != nil {
			return updated, err
		}
		updated++
		if p.Publisher != nil {
			if err := p.Publisher.ShipmentStatusChanged(ctx, s); err != nil {
				slog.ErrorContext(ctx, "publishing status change failed", "shipment", s.ID, "err", err)
			}
		}
	}
	return updated, nil
}
