// Package allocation decides which warehouses ship which lines of an order.
package allocation

import (
	"fmt"
	"sort"
	"strings"

	"github.com/acme/fulfilment-svc/internal/warehouse"
)

// Line is one order line.
type Line struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// Destination is where the order goes.
type Destination struct {
	Country    string  `json:"country"`
	PostalCode string  `json:"postalCode"`
	Lat        float64 `json:"lat"`
	Lng        float64 `json:"lng"`
}

// Order is the allocation input.
type Order struct {
	ID          string      `json:"orderId"`
	Lines       []Line      `json:"lines"`
	Destination Destination `json:"destination"`
}

// Part is what one warehouse ships.
type Part struct {
	WarehouseID string `json:"warehouseId"`
	Lines       []Line `json:"lines"`
}

// Result is the allocation of a whole order.
type Result struct {
	OrderID string `json:"orderId"`
	Parts   []Part `json:"parts"`
}

// Split reports whether the order ships in more than one parcel run.
func (r Result) Split() bool { return len(r.Parts) > 1 }

// InsufficientStockError lists the SKUs no combination of warehouses can cover.
type InsufficientStockError struct {
	Missing map[string]int
}

func (e *InsufficientStockError) Error() string {
	skus := make([]string, 0, len(e.Missing))
	for sku, n := range e.Missing {
		skus = append(skus, fmt.Sprintf("%s (short %d)", sku, n))
	}
	sort.Strings(skus)
	return "insufficient stock: " + strings.Join(skus, ", ")
}

// Allocator holds the warehouses and stock one allocation works with.
type Allocator struct {
	Warehouses []warehouse.Warehouse
	Stock      []warehouse.StockLevel
	// MaxParts caps how many warehouses one order may ship from.
	MaxParts int
}

type candidate struct {
	wh       warehouse.Warehouse
	distance float64
	stock    map[string]int
}

func (a Allocator) candidates(dest Destination) []*candidate {
	byID := make(map[string]*candidate, len(a.Warehouses))
	var list []*candidate
	for _, w := range a.Warehouses {
		if !w.Active {
			continue
		}
		c := &candidate{wh: w, distance: w.DistanceKm(dest.Lat, dest.Lng), stock: map[string]int{}}
		// Ship domestically when we can: cross-border parcels cost more and take longer.
		if w.Country != dest.Country {
			c.distance += 500
		}
		byID[w.ID] = c
		list = append(list, c)
	}
	for _, s := range a.Stock {
		if c, ok := byID[s.WarehouseID]; ok {
			c.stock[s.SKU] += s.Available()
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].distance < list[j].distance })
	return list
}

func (c *candidate) covers(lines []Line) bool {
	for _, l := range lines {
		if c.stock[l.SKU] < l.Quantity {
			return false
		}
	}
	return true
}

// Allocate prefers the nearest warehouse that has everything. Otherwise it
// splits greedily: each round takes the warehouse covering the most remaining
// units, nearest first on ties, until the order is covered or MaxParts is hit.
func (a Allocator) Allocate(order Order) (Result, error) {
	result := Result{OrderID: order.ID}
	cands := a.candidates(order.Destination)
	for _, c := range cands {
		if c.covers(order.Lines) {
			result.Parts = []Part{{WarehouseID: c.wh.ID, Lines: order.Lines}}
			return result, nil
		}
	}

	maxParts := a.MaxParts
	if maxParts <= 0 {
		maxParts = 3
	}
	remaining := map[string]int{}
	for _, l := range order.Lines {
		remaining[l.SKU] += l.Quantity
	}
	used := map[string]bool{}
	for len(result.Parts) < maxParts && total(remaining) > 0 {
		var best *candidate
		bestUnits := 0
		for _, c := range cands {
			if used[c.wh.ID] {
				continue
			}
			units := 0
			for sku, want := range remaining {
				units += min(want, c.stock[sku])
			}
			if units > bestUnits {
				best, bestUnits = c, units
			}
		}
		if best == nil {
			break
		}
		used[best.wh.ID] = true
		part := Part{WarehouseID: best.wh.ID}
		for _, l := range order.Lines {
			take := min(remaining[l.SKU], best.stock[l.SKU])
			if take <= 0 {
				continue
			}
			part.Lines = append(part.Lines, Line{SKU: l.SKU, Quantity: take})
			remaining[l.SKU] -= take
			best.stock[l.SKU] -= take
		}
		result.Parts = append(result.Parts, part)
	}

	if total(remaining) > 0 {
		missing := map[string]int{}
		for sku, n := range remaining {
			if n > 0 {
				missing[sku] = n
			}
		}
		return Result{}, &InsufficientStockError{Missing: missing}
	}
	return result, nil
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
