// Command fulfilment-svc allocates orders to warehouses, buys carrier labels
// and follows parcels until they are delivered.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/fulfilment-svc/internal/api"
	"github.com/acme/fulfilment-svc/internal/carrier"
	"github.com/acme/fulfilment-svc/internal/config"
	"github.com/acme/fulfilment-svc/internal/events"
	"github.com/acme/fulfilment-svc/internal/logging"
	"github.com/acme/fulfilment-svc/internal/shipment"
	"github.com/acme/fulfilment-svc/internal/tracking"
	"github.com/acme/fulfilment-svc/internal/warehouse"
)

func main() {
	logger := logging.Setup("fulfilment-svc")
	if err := run(); err != nil {
		logger.Error("fatal", "err", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()

	warehouses := warehouse.NewStore(db)
	active, err := warehouses.Active(ctx)
	if err != nil {
		return err
	}
	byID := make(map[string]warehouse.Warehouse, len(active))
	addrs := make(map[string]carrier.Address, len(active))
	for _, w := range active {
		byID[w.ID] = w
		addrs[w.ID] = carrier.Address{Name: "Acme Retail " + w.Name, Country: w.Country}
	}

	dhl := carrier.NewDHL(cfg.DHLBaseURL, cfg.DHLAPIKey)
	carriers := []carrier.Carrier{dhl}

	shipments := shipment.NewStore(db)
	service := &shipment.Service{
		Store:          shipments,
		Warehouses:     byID,
		WarehouseAddrs: addrs,
		Carriers:       carriers,
		DefaultSLADays: cfg.DefaultSLADays,
	}

	poller := &tracking.Poller{
		Store:     shipments,
		Carriers:  map[string]carrier.Carrier{"dhl": dhl},
		Publisher: events.NewPublisher(os.Getenv("EVENTS_URL")),
		Interval:  cfg.TrackingEvery,
	}
	go poller.Run(ctx)

	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           (&api.Server{Warehouses: warehouses, Shipments: shipments, Service: service, Carriers: carriers, SLADays: cfg.DefaultSLADays}).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()

	slog.Info("listening", "addr", cfg.Addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
