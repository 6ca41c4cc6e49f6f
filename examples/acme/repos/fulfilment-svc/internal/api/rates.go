package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"google.golang.org/protobuf/proto"

	"github.com/acme/fulfilment-svc/internal/carrier"
	"github.com/acme/fulfilment-svc/internal/pb"
)

var errNoQuote = carrier.ErrNoQuote

type quoteRequest struct {
	From           carrier.Address `json:"from"`
	To             carrier.Address `json:"to"`
	WeightGrams    int             `json:"weightGrams"`
	Parcels        int             `json:"parcels"`
	MaxTransitDays int             `json:"maxTransitDays"`
}

// quoteRates answers the storefront's shipping estimate. The storefront asks
// for protobuf (Accept: application/x-protobuf); everyone else gets JSON.
func (s *Server) quoteRates(w http.ResponseWriter, r *http.Request) {
	var req quoteRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "invalid_json", err.Error())
		return
	}
	if req.WeightGrams <= 0 {
		writeError(w, http.StatusBadRequest, "invalid_weight", "weightGrams must be positive")
		return
	}
	sla := req.MaxTransitDays
	if sla == 0 {
		sla = s.SLADays
	}
	best, all, err := carrier.Shop(r.Context(), s.Carriers, carrier.QuoteRequest{
		From: req.From, To: req.To, WeightGrams: req.WeightGrams, Parcels: max(req.Parcels, 1), ShipDate: time.Now(),
	}, sla)
	if err != nil && !errors.Is(err, carrier.ErrNoQuote) {
		writeServiceError(w, r, err)
		return
	}

	if r.Header.Get("Accept") == "application/x-protobuf" {
		resp := &pb.RateQuoteResponse{}
		if err == nil {
			resp.Best = toPB(best)
		}
		for _, q := range all {
			resp.Quotes = append(resp.Quotes, toPB(q))
		}
		body, merr := proto.Marshal(resp)
		if merr != nil {
			writeServiceError(w, r, merr)
			return
		}
		w.Header().Set("Content-Type", "application/x-protobuf")
		_, _ = w.Write(body)
		return
	}
	if err != nil {
		writeServiceError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"best": best, "quotes": all})
}

func toPB(q carrier.Quote) *pb.RateQuote {
	return &pb.RateQuote{
		Carrier:     q.Carrier,
		Service:     q.Service,
		TotalCents:  q.Total(),
		Currency:    q.Currency,
		TransitDays: int32(q.TransitDays),
	}
}
