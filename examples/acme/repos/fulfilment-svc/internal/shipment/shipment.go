// Package shipment tracks parcels from label to doorstep.
package shipment

import (
	"errors"
	"fmt"
	"time"
)

// Status is where a shipment is in its life.
type Status string

const (
	StatusPending        Status = "pending"
	StatusLabelCreated   Status = "label_created"
	StatusPickedUp       Status = "picked_up"
	StatusInTransit      Status = "in_transit"
	StatusOutForDelivery Status = "out_for_delivery"
	StatusDelivered      Status = "delivered"
	StatusException      Status = "exception"
	StatusReturned       Status = "returned"
	StatusCancelled      Status = "cancelled"
)

var (
	ErrNotFound          = errors.New("shipment: not found")
	ErrInvalidTransition = errors.New("shipment: invalid status transition")
)

// transitions lists the statuses reachable from each status. Carriers skip
// steps (a parcel can go from label_created straight to delivered), so the
// forward moves are generous; going backwards is never allowed.
var transitions = map[Status][]Status{
	StatusPending:        {StatusLabelCreated, StatusCancelled},
	StatusLabelCreated:   {StatusPickedUp, StatusInTransit, StatusOutForDelivery, StatusDelivered, StatusException, StatusCancelled},
	StatusPickedUp:       {StatusInTransit, StatusOutForDelivery, StatusDelivered, StatusException},
	StatusInTransit:      {StatusOutForDelivery, StatusDelivered, StatusException, StatusReturned},
	StatusOutForDelivery: {StatusDelivered, StatusException, StatusInTransit},
	StatusException:      {StatusInTransit, StatusOutForDelivery, StatusDelivered, StatusReturned},
	StatusDelivered:      {},
	StatusReturned:       {},
	StatusCancelled:      {},
}

// CanMove reports whether a shipment may go from one status to another.
func CanMove(from, to Status) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Terminal reports whether no further tracking is needed.
func (s Status) Terminal() bool {
	return s == StatusDelivered || s == StatusReturned || s == StatusCancelled
}

// Parcel is one box.
type Parcel struct {
	WeightGrams int `json:"weightGrams"`
	LengthCm    int `json:"lengthCm"`
	WidthCm     int `json:"widthCm"`
	HeightCm    int `json:"heightCm"`
}

// VolumetricGrams is the weight carriers bill for bulky parcels (5000 cm3/kg).
func (p Parcel) VolumetricGrams() int {
	return p.LengthCm * p.WidthCm * p.HeightCm / 5
}

// BillableGrams is the larger of real and volumetric weight.
func (p Parcel) BillableGrams() int {
	return max(p.WeightGrams, p.VolumetricGrams())
}

// Shipment is one warehouse's part of an order, sent with one carrier.
type Shipment struct {
	ID             string     `json:"id"`
	OrderID        string     `json:"orderId"`
	WarehouseID    string     `json:"warehouseId"`
	Carrier        string     `json:"carrier"`
	Service        string     `json:"service"`
	TrackingNumber string     `json:"trackingNumber,omitempty"`
	LabelURL       string     `json:"labelUrl,omitempty"`
	Status         Status     `json:"status"`
	Parcels        []Parcel   `json:"parcels"`
	CostCents      int64      `json:"costCents"`
	Currency       string     `json:"currency"`
	ShipDate       time.Time  `json:"shipDate"`
	DeliveredAt    *time.Time `json:"deliveredAt,omitempty"`
	CreatedAt      time.Time  `json:"createdAt"`
	UpdatedAt      time.Time  `json:"updatedAt"`
}

// Move changes the status if the transition is allowed.
func (s *Shipment) Move(to Status, at time.Time) error {
	if s.Status == to {
		return nil
	}
	if !CanMove(s.Status, to) {
		return fmt.Errorf("%w: %s -> %s", ErrInvalidTransition, s.Status, to)
	}
	s.Status = to
	s.UpdatedAt = at
	if to == StatusDelivered {
		s.DeliveredAt = &at
	}
	return nil
}
