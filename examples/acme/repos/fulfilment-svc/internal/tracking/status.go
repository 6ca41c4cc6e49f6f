// Package tracking turns carrier scans into shipment statuses.
package tracking

import (
	"sort"
	"strings"

	"github.com/acme/fulfilment-svc/internal/carrier"
	"github.com/acme/fulfilment-svc/internal/shipment"
)

// dhlCodes maps DHL event codes. Anything unknown is ignored rather than guessed.
var dhlCodes = map[string]shipment.Status{
	"pre-transit": shipment.StatusLabelCreated,
	"PU":          shipment.StatusPickedUp,
	"transit":     shipment.StatusInTransit,
	"AA":          shipment.StatusInTransit,
	"PL":          shipment.StatusInTransit,
	"WC":          shipment.StatusOutForDelivery,
	"delivered":   shipment.StatusDelivered,
	"OK":          shipment.StatusDelivered,
	"failure":     shipment.StatusException,
	"NH":          shipment.StatusException,
	"RT":          shipment.StatusReturned,
}

// Normalize maps one carrier event to our status.
func Normalize(carrierName string, e carrier.TrackingEvent) (shipment.Status, bool) {
	var table map[string]shipment.Status
	switch strings.ToLower(carrierName) {
	case "dhl":
		table = dhlCodes
	default:
		return "", false
	}
	s, ok := table[e.Code]
	return s, ok
}

// Latest returns the status of the newest event we understand.
func Latest(carrierName string, events []carrier.TrackingEvent) (shipment.Status, carrier.TrackingEvent, bool) {
	sorted := append([]carrier.TrackingEvent(nil), events...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].At.After(sorted[j].At) })
	for _, e := range sorted {
		if s, ok := Normalize(carrierName, e); ok {
			return s, e, true
		}
	}
	return "", carrier.TrackingEvent{}, false
}
