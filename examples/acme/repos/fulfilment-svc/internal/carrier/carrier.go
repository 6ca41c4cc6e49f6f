// Package carrier talks to parcel carriers: quotes, labels and tracking.
package carrier

import (
	"context"
	"time"
)

// Address is a shipping address as carriers want it.
type Address struct {
	Name       string `json:"name"`
	Street     string `json:"street"`
	PostalCode string `json:"postalCode"`
	City       string `json:"city"`
	Country    string `json:"country"`
}

// QuoteRequest asks a carrier what a shipment would cost.
type QuoteRequest struct {
	From        Address
	To          Address
	WeightGrams int
	Parcels     int
	ShipDate    time.Time
}

// Quote is one carrier service offer.
type Quote struct {
	Carrier      string    `json:"carrier"`
	Service      string    `json:"service"`
	PriceCents   int64     `json:"priceCents"`
	Currency     string    `json:"currency"`
	TransitDays  int       `json:"transitDays"`
	Trackable    bool      `json:"trackable"`
	Surcharges   int64     `json:"surchargesCents"`
	QuoteExpires time.Time `json:"-"`
}

// Total is the price including surcharges.
func (q Quote) Total() int64 { return q.PriceCents + q.Surcharges }

// LabelRequest buys a label for a chosen quote.
type LabelRequest struct {
	Reference   string
	Service     string
	From        Address
	To          Address
	WeightGrams int
}

// Label is a purchased shipping label.
type Label struct {
	TrackingNumber string
	LabelURL       string
}

// TrackingEvent is one scan reported by a carrier, with the carrier's own code.
type TrackingEvent struct {
	Code        string
	Description string
	Location    string
	At          time.Time
}

// Carrier is implemented by each carrier integration.
type Carrier interface {
	Name() string
	Quote(ctx context.Context, req QuoteRequest) ([]Quote, error)
	CreateLabel(ctx context.Context, req LabelRequest) (Label, error)
	Track(ctx context.Context, trackingNumber string) ([]TrackingEvent, error)
}
