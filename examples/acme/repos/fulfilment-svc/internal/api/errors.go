package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/acme/fulfilment-svc/internal/allocation"
	"github.com/acme/fulfilment-svc/internal/shipment"
)

type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeError sends {"error": {"code": ..., "message": ...}} with the given status.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(errorBody{Error: errorDetail{Code: code, Message: msg}})
}

// writeServiceError maps domain errors to responses; anything unknown is a 500.
func writeServiceError(w http.ResponseWriter, r *http.Request, err error) {
	var insufficient *allocation.InsufficientStockError
	switch {
	case errors.As(err, &insufficient):
		writeError(w, http.StatusConflict, "insufficient_stock", insufficient.Error())
	case errors.Is(err, shipment.ErrNotFound):
		writeError(w, http.StatusNotFound, "not_found", "shipment not found")
	case errors.Is(err, shipment.ErrInvalidTransition):
		writeError(w, http.StatusConflict, "invalid_state", err.Error())
	case errors.Is(err, errNoQuote):
		writeError(w, http.StatusUnprocessableEntity, "no_carrier_quote", err.Error())
	default:
		slog.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal", "internal error")
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
