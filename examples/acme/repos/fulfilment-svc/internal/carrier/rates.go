package carrier

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"sort"
	"strings"
	"sync"
)

// ErrNoQuote means no carrier can meet the request.
var ErrNoQuote = errors.New("carrier: no quote meets the delivery promise")

// remotePostalPrefixes are German islands and areas carriers add a surcharge for.
var remotePostalPrefixes = []string{"18565", "25845", "25846", "25847", "25849", "25859", "25863", "25869", "25938", "25946", "25992", "26465", "26474", "26486", "26548", "26571", "26579", "26757", "27498"}

// IslandSurchargeCents is what we add on top of carrier quotes for remote areas
// when the carrier doesn't price it in itself.
const IslandSurchargeCents = 1490

// Remote reports whether a postal code is on a German island.
func Remote(country, postalCode string) bool {
	if country != "DE" {
		return false
	}
	for _, p := range remotePostalPrefixes {
		if strings.HasPrefix(postalCode, p) {
			return true
		}
	}
	return false
}

// Shop asks all carriers in parallel and returns the cheapest quote that
// arrives within maxTransitDays. Ties go to the faster service. A carrier that
// fails is skipped, not fatal: one carrier down shouldn't stop shipping.
func Shop(ctx context.Context, carriers []Carrier, req QuoteRequest, maxTransitDays int) (Quote, []Quote, error) {
	var (
		mu     sync.Mutex
		quotes []Quote
		wg     sync.WaitGroup
	)
	for _, c := range carriers {
		wg.Add(1)
		go func(c Carrier) {
			defer wg.Done()
			qs, err := c.Quote(ctx, req)
			if err != nil {
				slog.WarnContext(ctx, "carrier quote failed", "carrier", c.Name(), "err", err)
				return
			}
			mu.Lock()
			quotes = append(quotes, qs...)
			mu.Unlock()
		}(c)
	}
	wg.Wait()

	remote := Remote(req.To.Country, req.To.PostalCode)
	eligible := quotes[:0:0]
	for _, q := range quotes {
		if !q.Trackable || q.TransitDays > maxTransitDays {
			continue
		}
		if remote && q.Surcharges == 0 {
			q.Surcharges = IslandSurchargeCents
		}
		eligible = append(eligible, q)
	}
	if len(eligible) == 0 {
		return Quote{}, quotes, fmt.Errorf("%w (%d quotes, max %d days)", ErrNoQuote, len(quotes), maxTransitDays)
	}
	sort.SliceStable(eligible, func(i, j int) bool {
		if eligible[i].Total() != eligible[j].Total() {
			return eligible[i].Total() < eligible[j].Total()
		}
		return eligible[i].TransitDays < eligible[j].TransitDays
	})
	return eligible[0], quotes, nil
}

func cents(amount float64) int64 {
	return int64(math.Round(amount * 100))
}

func weightKg(grams int) string {
	return fmt.Sprintf("%.2f", float64(grams)/1000)
}
