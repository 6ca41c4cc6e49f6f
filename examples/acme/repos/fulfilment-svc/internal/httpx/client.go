// Package httpx is the small HTTP client the carrier integrations share.
package httpx

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/acme/fulfilment-svc/internal/middleware"
)

// StatusError is returned for non-2xx responses.
type StatusError struct {
	Method     string
	URL        string
	StatusCode int
	Body       string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s %s: status %d: %s", e.Method, e.URL, e.StatusCode, e.Body)
}

// Temporary reports whether retrying the request may succeed.
func (e *StatusError) Temporary() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode >= 500
}

// Client wraps http.Client with a base URL and default headers.
type Client struct {
	BaseURL string
	Header  http.Header
	HTTP    *http.Client
}

// New returns a client for baseURL. An empty baseURL falls back to CARRIER_API_URL.
func New(baseURL string) *Client {
	if baseURL == "" {
		baseURL = os.Getenv("CARRIER_API_URL")
	}
	return &Client{
		BaseURL: strings.TrimRight(baseURL, "/"),
		Header:  http.Header{"Accept": []string{"application/json"}},
		// Bounds the whole request, body included. Carrier APIs are slow, but
		// anything over 15s is better retried than waited for.
		HTTP: &http.Client{Timeout: 15 * time.Second},
	}
}

// Do sends a request with body encoded as JSON (if not nil) and decodes a JSON
// response into out (if not nil).
func (c *Client) Do(ctx context.Context, method, path string, body, out any) error {
	var reader io.Reader
	if body != nil {
		buf, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("httpx: encode body: %w", err)
		}
		reader = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, reader)
	if err != nil {
		return err
	}
	for k, v := range c.Header {
		req.Header[k] = v
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if id := middleware.RequestIDFrom(ctx); id != "" {
		req.Header.Set("X-Request-ID", id)
	}

	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 2048))
		// Drain the rest so the connection can be reused.
		_, _ = io.Copy(io.Discard, resp.Body)
		return &StatusError{Method: method, URL: req.URL.Redacted(), StatusCode: resp.StatusCode, Body: string(snippet)}
	}
	if out == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// Get is Do for GET requests with query parameters.
func (c *Client) Get(ctx context.Context, path string, query url.Values, out any) error {
	if len(query) > 0 {
		path += "?" + query.Encode()
	}
	return c.Do(ctx, http.MethodGet, path, nil, out)
}
