// Package events publishes fulfilment events to the internal event gateway,
// which fans them out to SNS (notifications-worker, storefront).
package events

import (
	"context"
	"net/http"
	"time"

	"github.com/acme/fulfilment-svc/internal/httpx"
	"github.com/acme/fulfilment-svc/internal/retry"
	"github.com/acme/fulfilment-svc/internal/shipment"
)

// Publisher posts events to the gateway.
type Publisher struct {
	http *httpx.Client
}

// NewPublisher returns a publisher for the gateway at baseURL.
func NewPublisher(baseURL string) *Publisher {
	return &Publisher{http: httpx.New(baseURL)}
}

type envelope struct {
	Type       string    `json:"type"`
	OccurredAt time.Time `json:"occurredAt"`
	Data       any       `json:"data"`
}

var statusEvents = map[shipment.Status]string{
	shipment.StatusLabelCreated: "order.shipped",
	shipment.StatusDelivered:    "order.delivered",
	shipment.StatusException:    "shipment.exception",
	shipment.StatusReturned:     "shipment.returned",
}

// ShipmentStatusChanged publishes the statuses other teams care about and
// ignores the rest.
func (p *Publisher) ShipmentStatusChanged(ctx context.Context, s shipment.Shipment) error {
	eventType, ok := statusEvents[s.Status]
	if !ok {
		return nil
	}
	ev := envelope{
		Type:       eventType,
		OccurredAt: s.UpdatedAt,
		Data: map[string]any{
			"orderId":        s.OrderID,
			"shipmentId":     s.ID,
			"carrier":        s.Carrier,
			"trackingNumber": s.TrackingNumber,
			"deliveredAt":    s.DeliveredAt,
		},
	}
	return retry.Do(ctx, retry.Default, func(ctx context.Context) error {
		return p.http.Do(ctx, http.MethodPost, "/v1/events", ev, nil)
	})
}
