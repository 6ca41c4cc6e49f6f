package carrier

import (
	"context"
	"errors"
	"testing"
)

type fakeCarrier struct {
	name   string
	quotes []Quote
	err    error
}

func (f fakeCarrier) Name() string { return f.name }
func (f fakeCarrier) Quote(context.Context, QuoteRequest) ([]Quote, error) {
	return f.quotes, f.err
}
func (f fakeCarrier) CreateLabel(context.Context, LabelRequest) (Label, error) { return Label{}, nil }
func (f fakeCarrier) Track(context.Context, string) ([]TrackingEvent, error)   { return nil, nil }

var toBerlin = QuoteRequest{To: Address{Country: "DE", PostalCode: "10115"}, WeightGrams: 1200, Parcels: 1}

func TestShopPicksCheapestWithinSLA(t *testing.T) {
	carriers := []Carrier{
		fakeCarrier{name: "dhl", quotes: []Quote{
			{Carrier: "dhl", Service: "V01PAK", PriceCents: 549, TransitDays: 1, Trackable: true},
			{Carrier: "dhl", Service: "V62WP", PriceCents: 389, TransitDays: 4, Trackable: true},
		}},
		fakeCarrier{name: "dpd", quotes: []Quote{{Carrier: "dpd", Service: "CLASSIC", PriceCents: 468, TransitDays: 2, Trackable: true}}},
	}
	best, all, err := Shop(context.Background(), carriers, toBerlin, 3)
	if err != nil {
		t.Fatal(err)
	}
	if best.Carrier != "dpd" || len(all) != 3 {
		t.Fatalf("want dpd CLASSIC out of 3 quotes, got %+v (%d quotes)", best, len(all))
	}
}

func TestShopSkipsFailingCarrier(t *testing.T) {
	carriers := []Carrier{
		fakeCarrier{name: "dhl", err: errors.New("503")},
		fakeCarrier{name: "dpd", quotes: []Quote{{Carrier: "dpd", Service: "CLASSIC", PriceCents: 468, TransitDays: 2, Trackable: true}}},
	}
	best, _, err := Shop(context.Background(), carriers, toBerlin, 3)
	if err != nil || best.Carrier != "dpd" {
		t.Fatalf("want dpd, got %+v, %v", best, err)
	}
}

func TestShopAddsIslandSurcharge(t *testing.T) {
	amrum := QuoteRequest{To: Address{Country: "DE", PostalCode: "25946"}, WeightGrams: 800, Parcels: 1}
	carriers := []Carrier{fakeCarrier{name: "dpd", quotes: []Quote{{Carrier: "dpd", PriceCents: 412, TransitDays: 2, Trackable: true}}}}
	best, _, err := Shop(context.Background(), carriers, amrum, 3)
	if err != nil || best.Total() != 412+IslandSurchargeCents {
		t.Fatalf("want surcharge on Amrum, got %+v, %v", best, err)
	}
	if Remote("AT", "25946") {
		t.Fatal("only German postal codes are remote")
	}
}

func TestShopNoQuote(t *testing.T) {
	carriers := []Carrier{fakeCarrier{name: "dhl", quotes: []Quote{{Carrier: "dhl", PriceCents: 389, TransitDays: 5, Trackable: true}}}}
	if _, _, err := Shop(context.Background(), carriers, toBerlin, 2); !errors.Is(err, ErrNoQuote) {
		t.Fatalf("want ErrNoQuote, got %v", err)
	}
}
