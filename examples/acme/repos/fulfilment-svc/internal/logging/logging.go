// Package logging sets up the process-wide slog logger.
package logging

import (
	"io"
	"log/slog"
	"os"
	"strings"
)

// New returns a JSON logger writing to w at the level named by LOG_LEVEL
// (debug, info, warn, error; default info), tagged with the service name.
func New(w io.Writer, service string) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(strings.TrimSpace(os.Getenv("LOG_LEVEL")))); err != nil {
		level = slog.LevelInfo
	}
	handler := slog.NewJSONHandler(w, &slog.HandlerOptions{
		Level: level,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.MessageKey {
				a.Key = "message"
			}
			return a
		},
	})
	return slog.New(handler).With("service", service)
}

// Setup installs the logger as slog's default and returns it.
func Setup(service string) *slog.Logger {
	logger := New(os.Stdout, service)
	slog.SetDefault(logger)
	return logger
}
