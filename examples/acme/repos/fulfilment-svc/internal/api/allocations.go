package api

import (
	"encoding/json"
	"net/http"

	"github.com/jackc/pgx/v5"

	"github.com/acme/fulfilment-svc/internal/allocation"
	"github.com/acme/fulfilment-svc/internal/audit"
)

func (s *Server) createAllocation(w http.ResponseWriter, r *http.Request) {
	var order allocation.Order
	if err := json.NewDecoder(r.Body).Decode(&order); err != nil {
		writeError(w, http.StatusBadRequest, "invalid_json", err.Error())
		return
	}
	if order.ID == "" || len(order.Lines) == 0 {
		writeError(w, http.StatusBadRequest, "invalid_order", "orderId and at least one line are required")
		return
	}
	ctx := r.Context()

	warehouses, err := s.Warehouses.Active(ctx)
	if err != nil {
		writeServiceError(w, r, err)
		return
	}
	skus := make([]string, 0, len(order.Lines))
	for _, l := range order.Lines {
		skus = append(skus, l.SKU)
	}
	stock, err := s.Warehouses.StockFor(ctx, skus)
	if err != nil {
		writeServiceError(w, r, err)
		return
	}

	result, err := allocation.Allocator{Warehouses: warehouses, Stock: stock, MaxParts: 3}.Allocate(order)
	if err != nil {
		writeServiceError(w, r, err)
		return
	}

	err = pgx.BeginFunc(ctx, s.Warehouses.DB(), func(tx pgx.Tx) error {
		for _, part := range result.Parts {
			for _, l := range part.Lines {
				if err := s.Warehouses.Reserve(ctx, tx, part.WarehouseID, l.SKU, order.ID, l.Quantity); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		writeServiceError(w, r, err)
		return
	}

	audit.Record(ctx, audit.Entry{
		Action:   "allocation.create",
		Resource: "order/" + order.ID,
		Details:  map[string]string{"parts": jsonString(result.Parts)},
	})
	writeJSON(w, http.StatusCreated, result)
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
