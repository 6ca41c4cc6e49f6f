package api

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/acme/fulfilment-svc/internal/shipment"
)

func (s *Server) createShipment(w http.ResponseWriter, r *http.Request) {
	var req shipment.CreateRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "invalid_json", err.Error())
		return
	}
	if req.OrderID == "" || req.WarehouseID == "" || len(req.Parcels) == 0 {
		writeError(w, http.StatusBadRequest, "invalid_shipment", "orderId, warehouseId and parcels are required")
		return
	}
	sh, err := s.Service.Create(r.Context(), req)
	if err != nil {
		writeServiceError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, sh)
}

func (s *Server) getShipment(w http.ResponseWriter, r *http.Request) {
	sh, err := s.Shipments.Get(r.Context(), chi.URLParam(r, "id"))
	if err != nil {
		writeServiceError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sh)
}

func (s *Server) cancelShipment(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Reason string `json:"reason"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	if body.Reason == "" {
		body.Reason = "cancelled by " + r.Header.Get("X-Acme-Actor")
	}
	sh, err := s.Service.Cancel(r.Context(), chi.URLParam(r, "id"), body.Reason)
	if err != nil {
		writeServiceError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sh)
}
