package allocation

import (
	"errors"
	"testing"

	"github.com/acme/fulfilment-svc/internal/warehouse"
)

var (
	leipzig  = warehouse.Warehouse{ID: "wh-lej", Code: "LEJ", Country: "DE", Lat: 51.34, Lng: 12.37, Active: true}
	venlo    = warehouse.Warehouse{ID: "wh-vnl", Code: "VNL", Country: "NL", Lat: 51.37, Lng: 6.17, Active: true}
	daventry = warehouse.Warehouse{ID: "wh-dvt", Code: "DVT", Country: "GB", Lat: 52.26, Lng: -1.16, Active: true}
)

var berlin = Destination{Country: "DE", PostalCode: "10115", Lat: 52.53, Lng: 13.38}

func TestAllocatePrefersSingleNearestWarehouse(t *testing.T) {
	a := Allocator{
		Warehouses: []warehouse.Warehouse{venlo, leipzig, daventry},
		Stock: []warehouse.StockLevel{
			{WarehouseID: "wh-lej", SKU: "TR-2-42", OnHand: 5},
			{WarehouseID: "wh-lej", SKU: "SOCK-3P", OnHand: 40},
			{WarehouseID: "wh-vnl", SKU: "TR-2-42", OnHand: 50},
			{WarehouseID: "wh-vnl", SKU: "SOCK-3P", OnHand: 50},
		},
	}
	got, err := a.Allocate(Order{ID: "A-1", Destination: berlin, Lines: []Line{{"TR-2-42", 1}, {"SOCK-3P", 2}}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Split() || got.Parts[0].WarehouseID != "wh-lej" {
		t.Fatalf("want everything from Leipzig, got %+v", got.Parts)
	}
}

func TestAllocateSplitsWhenNoWarehouseHasEverything(t *testing.T) {
	a := Allocator{
		Warehouses: []warehouse.Warehouse{venlo, leipzig},
		Stock: []warehouse.StockLevel{
			{WarehouseID: "wh-lej", SKU: "TR-2-42", OnHand: 1},
			{WarehouseID: "wh-vnl", SKU: "JKT-RAIN-M", OnHand: 3},
		},
	}
	got, err := a.Allocate(Order{ID: "A-2", Destination: berlin, Lines: []Line{{"TR-2-42", 1}, {"JKT-RAIN-M", 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Parts) != 2 {
		t.Fatalf("want 2 parts, got %+v", got.Parts)
	}
}

func TestAllocateIgnoresReservedStock(t *testing.T) {
	a := Allocator{
		Warehouses: []warehouse.Warehouse{leipzig},
		Stock:      []warehouse.StockLevel{{WarehouseID: "wh-lej", SKU: "TR-2-42", OnHand: 3, Reserved: 3}},
	}
	_, err := a.Allocate(Order{ID: "A-3", Destination: berlin, Lines: []Line{{"TR-2-42", 1}}})
	var insufficient *InsufficientStockError
	if !errors.As(err, &insufficient) || insufficient.Missing["TR-2-42"] != 1 {
		t.Fatalf("want insufficient stock for TR-2-42, got %v", err)
	}
}

func TestDomesticWarehouseWinsOverSlightlyCloserForeignOne(t *testing.T) {
	aachen := Destination{Country: "DE", PostalCode: "52062", Lat: 50.78, Lng: 6.08}
	a := Allocator{
		Warehouses: []warehouse.Warehouse{venlo, leipzig},
		Stock: []warehouse.StockLevel{
			{WarehouseID: "wh-lej", SKU: "A", OnHand: 1},
			{WarehouseID: "wh-vnl", SKU: "A", OnHand: 1},
		},
	}
	got, err := a.Allocate(Order{ID: "A-5", Destination: aachen, Lines: []Line{{"A", 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Parts[0].WarehouseID != "wh-lej" {
		t.Fatalf("want Leipzig (domestic), got %s", got.Parts[0].WarehouseID)
	}
}
