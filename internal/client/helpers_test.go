package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// testToken looks like a real token so that a leak is easy to spot.
const testToken = "sp_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0_SECRET"

type logRecord struct {
	level  string
	msg    string
	fields map[string]any
}

// captureLogger keeps every record so tests can look for attempts, waits and
// leaks.
type captureLogger struct {
	mu      sync.Mutex
	records []logRecord
}

func (l *captureLogger) Debug(_ context.Context, msg string, fields map[string]any) {
	l.add("debug", msg, fields)
}

func (l *captureLogger) Warn(_ context.Context, msg string, fields map[string]any) {
	l.add("warn", msg, fields)
}

func (l *captureLogger) add(level, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.records = append(l.records, logRecord{level, msg, fields})
}

func (l *captureLogger) all() []logRecord {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]logRecord(nil), l.records...)
}

// text renders every record, fields included, for leak checks.
func (l *captureLogger) text() string {
	var b strings.Builder
	for _, r := range l.all() {
		fmt.Fprintf(&b, "%s %s %#v\n", r.level, r.msg, r.fields)
	}
	return b.String()
}

func (l *captureLogger) warns() []logRecord {
	var out []logRecord
	for _, r := range l.all() {
		if r.level == "warn" {
			out = append(out, r)
		}
	}
	return out
}

func (l *captureLogger) attempts() int {
	n := 0
	for _, r := range l.all() {
		if r.msg == "SimPay API request" {
			n++
		}
	}
	return n
}

// newTestClient builds a client for srv with fast retries; mod adjusts the
// config.
func newTestClient(t *testing.T, baseURL string, mod func(*Config)) (*Client, *captureLogger) {
	t.Helper()
	logger := &captureLogger{}
	cfg := Config{
		BaseURL:      baseURL,
		Token:        testToken,
		UserAgent:    "terraform-provider-simpay/1.2.0 terraform/1.11.4",
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: 20 * time.Millisecond,
		Logger:       logger,
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, logger
}

func intPtr(n int) *int { return &n }

func ok(data string) string { return `{"success":true,"data":` + data + `}` }

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// dropConnection closes the connection without any answer.
func dropConnection(t *testing.T, w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		t.Error("response writer cannot hijack")
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	_ = conn.Close()
}

// newServer starts an httptest server that is closed with the test.
func newServer(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func strp(s string) *string { return &s }

func derefOr(p *string, null string) string {
	if p == nil {
		return null
	}
	return *p
}

// isOutcomeUnknown reports whether err is or wraps an *OutcomeUnknownError.
func isOutcomeUnknown(err error) bool {
	var e *OutcomeUnknownError
	return errors.As(err, &e)
}

// statusOf is the HTTP status of the *APIError err wraps, 0 when none.
func statusOf(err error) int {
	var e *APIError
	if errors.As(err, &e) {
		return e.StatusCode
	}
	return 0
}
