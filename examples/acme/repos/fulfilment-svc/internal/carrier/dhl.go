package carrier

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/acme/fulfilment-svc/internal/httpx"
	"github.com/acme/fulfilment-svc/internal/retry"
)

// DHL is the DHL Parcel DE integration.
type DHL struct {
	http *httpx.Client
}

// NewDHL returns a DHL client.
func NewDHL(baseURL, apiKey string) *DHL {
	c := httpx.New(baseURL)
	c.Header.Set("dhl-api-key", apiKey)
	return &DHL{http: c}
}

func (d *DHL) Name() string { return "dhl" }

type dhlRate struct {
	Product      string  `json:"product"`
	Price        float64 `json:"price"`
	Currency     string  `json:"currency"`
	DeliveryDays int     `json:"deliveryDays"`
	Surcharge    float64 `json:"surcharge"`
}

// call retries transient failures; 4xx answers are final.
func (d *DHL) call(ctx context.Context, fn func(ctx context.Context) error) error {
	return retry.Do(ctx, retry.Default, func(ctx context.Context) error {
		err := fn(ctx)
		var status *httpx.StatusError
		if errors.As(err, &status) && !status.Temporary() {
			return retry.Permanent(err)
		}
		return err
	})
}

func (d *DHL) Quote(ctx context.Context, req QuoteRequest) ([]Quote, error) {
	var rates []dhlRate
	q := url.Values{
		"originCountry":         {req.From.Country},
		"originPostalCode":      {req.From.PostalCode},
		"destinationCountry":    {req.To.Country},
		"destinationPostalCode": {req.To.PostalCode},
		"weightKg":              {weightKg(req.WeightGrams)},
		"shipDate":              {req.ShipDate.Format("2006-01-02")},
	}
	err := d.call(ctx, func(ctx context.Context) error {
		return d.http.Get(ctx, "/rates", q, &rates)
	})
	if err != nil {
		return nil, err
	}
	quotes := make([]Quote, 0, len(rates))
	for _, r := range rates {
		quotes = append(quotes, Quote{
			Carrier:      "dhl",
			Service:      r.Product,
			PriceCents:   cents(r.Price) * int64(max(req.Parcels, 1)),
			Surcharges:   cents(r.Surcharge),
			Currency:     r.Currency,
			TransitDays:  r.DeliveryDays,
			Trackable:    true,
			QuoteExpires: time.Now().Add(30 * time.Minute),
		})
	}
	return quotes, nil
}

func (d *DHL) CreateLabel(ctx context.Context, req LabelRequest) (Label, error) {
	body := map[string]any{
		"product":     req.Service,
		"refNo":       req.Reference,
		"shipper":     req.From,
		"consignee":   req.To,
		"details":     map[string]any{"weight": map[string]any{"uom": "g", "value": req.WeightGrams}},
		"labelFormat": "PDF_A6",
	}
	var resp struct {
		Items []struct {
			ShipmentNo string `json:"shipmentNo"`
			Label      struct {
				URL string `json:"url"`
			} `json:"label"`
		} `json:"items"`
	}
	// Not retried: a timeout after DHL created the label would buy a second one.
	if err := d.http.Do(ctx, http.MethodPost, "/orders", body, &resp); err != nil {
		return Label{}, err
	}
	if len(resp.Items) == 0 {
		return Label{}, errors.New("dhl: order response without items")
	}
	return Label{TrackingNumber: resp.Items[0].ShipmentNo, LabelURL: resp.Items[0].Label.URL}, nil
}

func (d *DHL) Track(ctx context.Context, trackingNumber string) ([]TrackingEvent, error) {
	var resp struct {
		Events []struct {
			StatusCode  string    `json:"statusCode"`
			Description string    `json:"description"`
			Location    string    `json:"location"`
			Timestamp   time.Time `json:"timestamp"`
		} `json:"events"`
	}
	err := d.call(ctx, func(ctx context.Context) error {
		return d.http.Get(ctx, "/tracking", url.Values{"trackingNumber": {trackingNumber}}, &resp)
	})
	if err != nil {
		return nil, err
	}
	events := make([]TrackingEvent, 0, len(resp.Events))
	for _, e := range resp.Events {
		events = append(events, TrackingEvent{Code: e.StatusCode, Description: e.Description, Location: e.Location, At: e.Timestamp})
	}
	return events, nil
}
