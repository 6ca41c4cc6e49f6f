// Package api is the HTTP interface of fulfilment-svc.
package api

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	chimw "github.com/go-chi/chi/v5/middleware"

	"github.com/acme/fulfilment-svc/internal/audit"
	"github.com/acme/fulfilment-svc/internal/carrier"
	"github.com/acme/fulfilment-svc/internal/middleware"
	"github.com/acme/fulfilment-svc/internal/shipment"
	"github.com/acme/fulfilment-svc/internal/warehouse"
)

// Server holds the dependencies of the handlers.
type Server struct {
	Warehouses *warehouse.Store
	Shipments  *shipment.Store
	Service    *shipment.Service
	Carriers   []carrier.Carrier
	SLADays    int
}

// Routes returns the router with all middleware.
func (s *Server) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID)
	r.Use(chimw.RealIP)
	r.Use(requestLog)
	r.Use(chimw.Recoverer)
	r.Use(actorFromHeader)

	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})

	r.Route("/v1", func(r chi.Router) {
		r.Post("/allocations", s.createAllocation)
		r.Post("/rates/quote", s.quoteRates)
		r.Post("/shipments", s.createShipment)
		r.Get("/shipments/{id}", s.getShipment)
		r.Post("/shipments/{id}/cancel", s.cancelShipment)
	})
	return r
}

// actorFromHeader takes the caller's identity from the gateway-set header.
func actorFromHeader(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if actor := r.Header.Get("X-Acme-Actor"); actor != "" {
			r = r.WithContext(audit.WithActor(r.Context(), actor))
		}
		next.ServeHTTP(w, r)
	})
}

func requestLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := chimw.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		slog.InfoContext(r.Context(), "request",
			"method", r.Method,
			"path", r.URL.Path,
			"status", ww.Status(),
			"duration_ms", time.Since(start).Milliseconds(),
			"request_id", middleware.RequestIDFrom(r.Context()),
		)
	})
}
