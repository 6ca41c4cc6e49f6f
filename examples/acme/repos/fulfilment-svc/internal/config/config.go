// Package config reads the service configuration from the environment.
package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// Config is everything main needs to wire the service.
type Config struct {
	Addr            string
	DatabaseURL     string
	DHLBaseURL      string
	DHLAPIKey       string
	TrackingEvery   time.Duration
	DefaultSLADays  int
	ShutdownTimeout time.Duration
}

// Load reads the environment. DATABASE_URL is the only required variable.
func Load() (Config, error) {
	c := Config{
		Addr:            getenv("ADDR", ":8080"),
		DatabaseURL:     os.Getenv("DATABASE_URL"),
		DHLBaseURL:      getenv("DHL_API_URL", "https://api-eu.dhl.com/parcel/de/shipping/v2"),
		DHLAPIKey:       os.Getenv("DHL_API_KEY"),
		ShutdownTimeout: 20 * time.Second,
	}
	if c.DatabaseURL == "" {
		return c, fmt.Errorf("config: DATABASE_URL is required")
	}
	var err error
	if c.TrackingEvery, err = time.ParseDuration(getenv("TRACKING_POLL_INTERVAL", "10m")); err != nil {
		return c, fmt.Errorf("config: TRACKING_POLL_INTERVAL: %w", err)
	}
	if c.DefaultSLADays, err = strconv.Atoi(getenv("DEFAULT_SLA_DAYS", "3")); err != nil {
		return c, fmt.Errorf("config: DEFAULT_SLA_DAYS: %w", err)
	}
	return c, nil
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}
