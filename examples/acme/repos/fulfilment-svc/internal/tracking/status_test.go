package tracking

import (
	"testing"
	"time"

	"github.com/acme/fulfilment-svc/internal/carrier"
	"github.com/acme/fulfilment-svc/internal/shipment"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		carrier string
		code    string
		want    shipment.Status
		ok      bool
	}{
		{"dhl", "PU", shipment.StatusPickedUp, true},
		{"DHL", "OK", shipment.StatusDelivered, true},
		{"dhl", "WC", shipment.StatusOutForDelivery, true},
		{"dhl", "99", "", false},
		{"hermes", "OK", "", false},
	}
	for _, tt := range tests {
		got, ok := Normalize(tt.carrier, carrier.TrackingEvent{Code: tt.code})
		if got != tt.want || ok != tt.ok {
			t.Errorf("Normalize(%s, %s) = %q, %v; want %q, %v", tt.carrier, tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLatestUsesNewestKnownEvent(t *testing.T) {
	base := time.Date(2025, 3, 10, 8, 0, 0, 0, time.UTC)
	events := []carrier.TrackingEvent{
		{Code: "PU", At: base},
		{Code: "WC", At: base.Add(26 * time.Hour)},
		{Code: "XX", At: base.Add(27 * time.Hour)},
		{Code: "AA", At: base.Add(5 * time.Hour)},
	}
	got, e, ok := Latest("dhl", events)
	if !ok || got != shipment.StatusOutForDelivery || e.Code != "WC" {
		t.Fatalf("got %q (%s), want out_for_delivery (WC)", got, e.Code)
	}
}
