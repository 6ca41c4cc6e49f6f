package shipment

import (
	"errors"
	"testing"
	"time"
)

func TestMove(t *testing.T) {
	at := time.Date(2025, 2, 3, 14, 0, 0, 0, time.UTC)
	s := Shipment{Status: StatusLabelCreated}
	if err := s.Move(StatusDelivered, at); err != nil {
		t.Fatalf("carriers may skip straight to delivered: %v", err)
	}
	if s.DeliveredAt == nil || !s.DeliveredAt.Equal(at) {
		t.Fatalf("DeliveredAt = %v", s.DeliveredAt)
	}
	if err := s.Move(StatusInTransit, at); !errors.Is(err, ErrInvalidTransition) {
		t.Fatalf("delivered is terminal, got %v", err)
	}
}

func TestMoveToSameStatusIsNoop(t *testing.T) {
	s := Shipment{Status: StatusInTransit}
	if err := s.Move(StatusInTransit, time.Now()); err != nil {
		t.Fatal(err)
	}
}

func TestCancelOnlyBeforePickup(t *testing.T) {
	if !CanMove(StatusLabelCreated, StatusCancelled) {
		t.Error("a label can be cancelled")
	}
	if CanMove(StatusInTransit, StatusCancelled) {
		t.Error("a parcel in transit cannot be cancelled")
	}
}

func TestBillableGrams(t *testing.T) {
	light := Parcel{WeightGrams: 400, LengthCm: 60, WidthCm: 40, HeightCm: 40}
	if got := light.BillableGrams(); got != 19200 {
		t.Fatalf("bulky parcel billed at %d g, want volumetric 19200 g", got)
	}
	heavy := Parcel{WeightGrams: 12000, LengthCm: 30, WidthCm: 20, HeightCm: 10}
	if got := heavy.BillableGrams(); got != 12000 {
		t.Fatalf("heavy parcel billed at %d g", got)
	}
}
