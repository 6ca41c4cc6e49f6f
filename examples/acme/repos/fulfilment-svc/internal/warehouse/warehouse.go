// Package warehouse models our fulfilment centres and their stock.
package warehouse

import (
	"math"
	"time"
)

// Warehouse is a fulfilment centre.
type Warehouse struct {
	ID      string
	Code    string
	Name    string
	Country string
	Lat     float64
	Lng     float64
	// CutoffHour is the local hour after which orders ship the next working day.
	CutoffHour int
	Location   *time.Location
	Active     bool
}

// StockLevel is the stock of one SKU in one warehouse.
type StockLevel struct {
	WarehouseID string
	SKU         string
	OnHand      int
	Reserved    int
}

// Available is what can still be allocated.
func (s StockLevel) Available() int {
	if n := s.OnHand - s.Reserved; n > 0 {
		return n
	}
	return 0
}

const earthRadiusKm = 6371.0

// DistanceKm is the great-circle distance from the warehouse to a point.
func (w Warehouse) DistanceKm(lat, lng float64) float64 {
	rad := func(d float64) float64 { return d * math.Pi / 180 }
	dLat := rad(lat - w.Lat)
	dLng := rad(lng - w.Lng)
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(rad(w.Lat))*math.Cos(rad(lat))*math.Sin(dLng/2)*math.Sin(dLng/2)
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(a))
}

// ShipDate is the day an order placed at t leaves the warehouse, skipping
// weekends. Public holidays are handled by the warehouse closing itself.
func (w Warehouse) ShipDate(t time.Time) time.Time {
	loc := w.Location
	if loc == nil {
		loc = time.UTC
	}
	local := t.In(loc)
	day := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, loc)
	if local.Hour() >= w.CutoffHour {
		day = day.AddDate(0, 0, 1)
	}
	for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
		day = day.AddDate(0, 0, 1)
	}
	return day
}
