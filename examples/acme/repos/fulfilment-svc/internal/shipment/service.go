package shipment

import (
	"context"
	"fmt"
	"time"

	"github.com/acme/fulfilment-svc/internal/audit"
	"github.com/acme/fulfilment-svc/internal/carrier"
	"github.com/acme/fulfilment-svc/internal/warehouse"
)

// CreateRequest is one allocation part ready to ship.
type CreateRequest struct {
	OrderID     string          `json:"orderId"`
	WarehouseID string          `json:"warehouseId"`
	To          carrier.Address `json:"to"`
	Parcels     []Parcel        `json:"parcels"`
	// MaxTransitDays overrides the default delivery promise (express orders).
	MaxTransitDays int `json:"maxTransitDays,omitempty"`
}

// Service creates shipments: picks a carrier, buys the label, stores it.
type Service struct {
	Store          *Store
	Warehouses     map[string]warehouse.Warehouse
	WarehouseAddrs map[string]carrier.Address
	Carriers       []carrier.Carrier
	DefaultSLADays int
	Now            func() time.Time
}

func (s *Service) carrier(name string) (carrier.Carrier, error) {
	for _, c := range s.Carriers {
		if c.Name() == name {
			return c, nil
		}
	}
	return nil, fmt.Errorf("shipment: unknown carrier %q", name)
}

// Create ships one allocation part.
func (s *Service) Create(ctx context.Context, req CreateRequest) (Shipment, error) {
	wh, ok := s.Warehouses[req.WarehouseID]
	if !ok {
		return Shipment{}, fmt.Errorf("shipment: unknown warehouse %q", req.WarehouseID)
	}
	now := time.Now()
	if s.Now != nil {
		now = s.Now()
	}
	grams := 0
	for _, p := range req.Parcels {
		grams += p.BillableGrams()
	}
	sla := req.MaxTransitDays
	if sla == 0 {
		sla = s.DefaultSLADays
	}

	from := s.WarehouseAddrs[wh.ID]
	shipDate := wh.ShipDate(now)
	best, _, err := carrier.Shop(ctx, s.Carriers, carrier.QuoteRequest{
		From: from, To: req.To, WeightGrams: grams, Parcels: len(req.Parcels), ShipDate: shipDate,
	}, sla)
	if err != nil {
		return Shipment{}, err
	}
	c, err := s.carrier(best.Carrier)
	if err != nil {
		return Shipment{}, err
	}
	label, err := c.CreateLabel(ctx, carrier.LabelRequest{
		Reference: req.OrderID, Service: best.Service, From: from, To: req.To, WeightGrams: grams,
	})
	if err != nil {
		return Shipment{}, fmt.Errorf("shipment: buying %s label: %w", best.Carrier, err)
	}

	sh := Shipment{
		OrderID:        req.OrderID,
		WarehouseID:    wh.ID,
		Carrier:        best.Carrier,
		Service:        best.Service,
		TrackingNumber: label.TrackingNumber,
		LabelURL:       label.LabelURL,
		Status:         StatusLabelCreated,
		Parcels:        req.Parcels,
		CostCents:      best.Total(),
		Currency:       best.Currency,
		ShipDate:       shipDate,
	}
	if err := s.Store.Insert(ctx, &sh); err != nil {
		return Shipment{}, err
	}
	audit.Record(ctx, audit.Entry{
		Action:   "shipment.create",
		Resource: "shipment/" + sh.ID,
		Details:  map[string]string{"order": sh.OrderID, "carrier": sh.Carrier, "tracking": sh.TrackingNumber},
	})
	return sh, nil
}

// Cancel stops a shipment that hasn't been picked up yet.
func (s *Service) Cancel(ctx context.Context, id, reason string) (Shipment, error) {
	sh, err := s.Store.Get(ctx, id)
	if err != nil {
		return Shipment{}, err
	}
	if err := sh.Move(StatusCancelled, time.Now().UTC()); err != nil {
		return Shipment{}, err
	}
	if err := s.Store.UpdateStatus(ctx, sh, reason); err != nil {
		return Shipment{}, err
	}
	audit.Record(ctx, audit.Entry{
		Action:   "shipment.cancel",
		Resource: "shipment/" + sh.ID,
		Details:  map[string]string{"reason": reason},
	})
	return sh, nil
}
