package tracking

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/acme/fulfilment-svc/internal/carrier"
	"github.com/acme/fulfilment-svc/internal/shipment"
)

type memStore struct {
	mu        sync.Mutex
	shipments map[string]shipment.Shipment
}

func (m *memStore) InTransit(context.Context, int) ([]shipment.Shipment, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []shipment.Shipment
	for _, s := range m.shipments {
		if !s.Status.Terminal() {
			out = append(out, s)
		}
	}
	return out, nil
}

func (m *memStore) UpdateStatus(_ context.Context, s shipment.Shipment, _ string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.shipments[s.ID] = s
	return nil
}

func (m *memStore) status(id string) shipment.Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.shipments[id].Status
}

type scriptedCarrier struct {
	carrier.Carrier
	events []carrier.TrackingEvent
}

func (s scriptedCarrier) Track(context.Context, string) ([]carrier.TrackingEvent, error) {
	return s.events, nil
}

type recordingPublisher struct {
	mu      sync.Mutex
	changed []shipment.Status
}

func (r *recordingPublisher) ShipmentStatusChanged(_ context.Context, s shipment.Shipment) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.changed = append(r.changed, s.Status)
	return nil
}

func (r *recordingPublisher) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.changed)
}

// eventually polls cond until it holds or the timeout passes.
func eventually(t *testing.T, cond func() bool, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("condition not met within %s", timeout)
}

func TestPollOnceMovesShipmentAndPublishes(t *testing.T) {
	store := &memStore{shipments: map[string]shipment.Shipment{
		"s1": {ID: "s1", Carrier: "dhl", TrackingNumber: "00340434161094042557", Status: shipment.StatusLabelCreated},
	}}
	pub := &recordingPublisher{}
	p := &Poller{
		Store:     store,
		Carriers:  map[string]carrier.Carrier{"dhl": scriptedCarrier{events: []carrier.TrackingEvent{{Code: "PU", At: time.Now()}}}},
		Publisher: pub,
	}
	n, err := p.PollOnce(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("PollOnce = %d, %v", n, err)
	}
	if got := store.status("s1"); got != shipment.StatusPickedUp {
		t.Fatalf("status = %s", got)
	}
	if pub.count() != 1 {
		t.Fatalf("published %d changes", pub.count())
	}
}

func TestRunPollsUntilCancelled(t *testing.T) {
	store := &memStore{shipments: map[string]shipment.Shipment{
		"s3": {ID: "s3", Carrier: "dhl", TrackingNumber: "00340434161094042558", Status: shipment.StatusInTransit},
	}}
	pub := &recordingPublisher{}
	p := &Poller{
		Store:     store,
		Carriers:  map[string]carrier.Carrier{"dhl": scriptedCarrier{events: []carrier.TrackingEvent{{Code: "OK", At: time.Now()}}}},
		Publisher: pub,
		Interval:  20 * time.Millisecond,
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		p.Run(ctx)
		close(done)
	}()

	eventually(t, func() bool { return store.status("s3") == shipment.StatusDelivered }, 2*time.Second)
	cancel()
	eventually(t, func() bool {
		select {
		case <-done:
			return true
		default:
			return false
		}
	}, time.Second)
	if pub.count() != 1 {
		t.Fatalf("delivered shipment should be published once, got %d", pub.count())
	}
}
